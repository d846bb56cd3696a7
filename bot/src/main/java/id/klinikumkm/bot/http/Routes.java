package id.klinikumkm.bot.http;

import io.javalin.config.RoutesConfig;

/** A group of HTTP routes that an adapter contributes to the one server. */
@FunctionalInterface
public interface Routes {
    void register(RoutesConfig routes);
}
