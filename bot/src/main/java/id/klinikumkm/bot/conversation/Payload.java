package id.klinikumkm.bot.conversation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A button's payload: {@code prefix:action[:arg...]}, for example {@code faq:more:legal.nib.cost:2}. Short
 * enough for Telegram's 64-byte {@code callback_data}. Payloads come back from clients and may be stale or
 * forged: {@link #parse} accepts only the shape, the handler checks the meaning.
 */
public record Payload(String prefix, String action, List<String> args) {
    public static final int MAX_BYTES = 64;
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    public Payload {
        args = List.copyOf(args);
    }

    /** Builds the payload text; fails on a part of the wrong shape or a payload over 64 bytes (a programming error). */
    public static String of(String prefix, String action, String... args) {
        StringBuilder text = new StringBuilder(prefix).append(':').append(action);
        for (String arg : args) {
            text.append(':').append(arg);
        }
        String payload = text.toString();
        if (parse(payload).isEmpty()) {
            throw new IllegalArgumentException("malformed button payload: " + payload);
        }
        return payload;
    }

    public static Optional<Payload> parse(String text) {
        if (text == null || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        String[] parts = text.split(":", -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Payload(parts[0], parts[1], List.of(parts).subList(2, parts.length)));
    }

    /** The {@code index}-th argument, or empty. */
    public Optional<String> arg(int index) {
        return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
    }
}
