package id.klinikumkm.bot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.logging.Failures;
import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one HTTP server: every adapter's routes, security headers and error mapping in one place. */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** The content type of every HTML page: the pages hold non-ASCII text, so the charset is always named. */
    public static final String HTML_UTF8 = "text/html; charset=utf-8";

    /** The most of a refused body read and dropped so that its sender still gets the 413 (see below). */
    private static final long MAX_DRAINED_BYTES = 1 << 20;
    private final Javalin app;
    private final List<Endpoint> endpoints = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A registered route: method, path and the roles it declares (empty for public routes). */
    public record Endpoint(String method, String path, java.util.Set<String> roles) {}
    private final AppConfig.Http config;

    public HttpServer(AppConfig.Http config, ObjectMapper json, List<Routes> routeGroups) {
        this.config = config;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.http.maxRequestSize = config.maxRequestBytes();
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.http.prefer405over404 = true;
            javalin.jetty.modifyServer(server -> {
                server.setStopTimeout(config.shutdownGraceSeconds() * 1000L);
                server.setErrorHandler(new JettyErrorHandler(json, config.maxRequestBytes()));
            });
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/web/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=300");
            });
            javalin.routes.before(HttpServer::securityHeaders);
            javalin.routes.before(ctx -> refuseDeclaredOversizedBody(ctx, config.maxRequestBytes()));
            javalin.routes.exception(ApiException.class, (e, ctx) -> {
                if (e.retryAfterSeconds() > 0) {
                    ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                }
                ErrorResponses.json(ctx, e.status(), e.getMessage());
            });
            // Javalin's own refusals (unknown address, wrong method, body too large) carry English messages:
            // never shown; each status gets its Indonesian text instead.
            javalin.routes.exception(HttpResponseException.class, (e, ctx) -> httpError(ctx, e, config.maxRequestBytes()));
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                // Exception messages can quote stored values (chat text, names): the trace goes to DEBUG only.
                LOG.error("Unhandled error on {} {}: {}", ctx.method(), ctx.path(), Failures.describe(e));
                LOG.debug("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ErrorResponses.json(ctx, 500, ErrorResponses.SERVER_ERROR);
            });
            javalin.events.handlerAdded(info -> endpoints.add(new Endpoint(info.getHttpMethod().name(), info.getPath(),
                    info.getRoles().stream().map(Object::toString).collect(java.util.stream.Collectors.toSet()))));
            routeGroups.forEach(group -> group.register(javalin.routes));
        });
    }

    public void start() {
        app.start();
        LOG.info("HTTP server listening on {}:{}", config.host(), app.port());
    }

    /** Every route registered, for checks that must cover all of them (such as access to staff pages). */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting connections and lets in-flight requests finish, up to the configured grace time. */
    public void stop() {
        try {
            app.stop();
        } catch (RuntimeException e) {
            // Jetty finishes stopping first, then reports connections still open after the grace period.
            LOG.warn("HTTP server stopped with connections still open after {} s: {}",
                    config.shutdownGraceSeconds(), e.getMessage());
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        if (isPersonal(ctx.path())) {
            // Chat texts, names, cases: never kept by the browser or a proxy (a shared phone, a kiosk).
            ctx.header("Cache-Control", "no-store");
        }
    }

    /**
     * Javalin counts bytes only as it reads them, and reading answers "100 Continue": the client then sends the
     * whole body and the server closes the connection halfway through it, so the client sees a reset instead of
     * the 413. A body declared too large is refused before anything is read. A client that sent it without
     * waiting for "100 Continue" has it on the way already: up to {@link #MAX_DRAINED_BYTES} is read and dropped
     * first, because closing a connection with unread bytes resets it and the client loses the answer.
     */
    private static void refuseDeclaredOversizedBody(Context ctx, long maxRequestBytes) {
        long declared = ctx.contentLength();
        if (declared <= maxRequestBytes) {
            return;
        }
        boolean bodyOnTheWay = !"100-continue".equalsIgnoreCase(ctx.header("Expect"));
        if (bodyOnTheWay && declared <= MAX_DRAINED_BYTES) {
            try {
                ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException clientGone) {
                // Nobody is left to read the 413; it is still what this request gets, not a logged server error.
                LOG.debug("Oversized body not read to its end: {}", clientGone.getMessage());
            }
        }
        throw new ContentTooLargeResponse();
    }

    /** The chat API and every staff page and API answer with someone's conversation, case or account. */
    static boolean isPersonal(String path) {
        return path.startsWith("/api/") || path.equals("/admin") || path.startsWith("/admin/")
                || path.equals("/consultant") || path.startsWith("/consultant/");
    }

    private static void httpError(Context ctx, HttpResponseException e, long maxRequestBytes) {
        int status = e.getStatus();
        if (status == 405) {
            String allowed = e.getDetails().values().stream().findFirst().orElse("");
            if (!allowed.isBlank()) {
                ctx.header("Allow", allowed);
            }
            ErrorResponses.pageOrJson(ctx, 405, ErrorResponses.methodNotAllowed(ctx.method().name(), allowed));
        } else {
            ErrorResponses.pageOrJson(ctx, status, ErrorResponses.forStatus(status, maxRequestBytes));
        }
    }
}
