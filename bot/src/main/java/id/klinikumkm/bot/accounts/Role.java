package id.klinikumkm.bot.accounts;

import java.util.Locale;

/** What a staff member may do. Stored by {@link #id()}. */
public enum Role {
    ADMIN, CONSULTANT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
