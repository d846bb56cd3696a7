package id.klinikumkm.bot.conversation;

import java.util.Locale;

/** Where a conversation happens. Stored by {@link #id()}, so names may change but ids may not. */
public enum Channel {
    WEB("web"),
    TELEGRAM("telegram");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Channel fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
