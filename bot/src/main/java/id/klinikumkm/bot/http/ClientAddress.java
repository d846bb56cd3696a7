package id.klinikumkm.bot.http;

import io.javalin.http.Context;

/** The address a request came from, for rate limits; behind a trusted reverse proxy, the first X-Forwarded-For. */
public final class ClientAddress {
    private ClientAddress() {}

    public static String of(Context ctx, boolean trustForwardedFor) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].strip();
        }
        return ctx.ip();
    }
}
