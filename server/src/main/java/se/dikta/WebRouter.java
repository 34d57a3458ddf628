package se.dikta;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.ArrayList;
import java.util.List;
import se.dikta.audit.AuditLog;
import se.dikta.health.HealthContributor;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.HealthApi;
import se.dikta.http.HttpConfig;
import se.dikta.http.JsonErrors;
import se.dikta.http.PageRoutes;
import se.dikta.http.RequestLog;

/**
 * Every route of the server, in the order they match: request log and security headers, {@code /health},
 * {@code /metrics}, the features' {@code /api} routes, then pages and static files, then JSON errors.
 */
final class WebRouter {

    private WebRouter() {}

    static Router create(Vertx vertx, HttpConfig config, boolean hsts, PrometheusMeterRegistry registry,
            Handler<RoutingContext> authenticate, List<ApiModule> modules, List<HealthContributor> health, AuditLog audit) {
        Router router = Router.router(vertx);
        router.route().handler(new RequestLog(config.trustedProxies(), hsts));
        new HealthApi(health).mount(router);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
        ApiRoutes api = new ApiRoutes(router, authenticate, config.jsonBodyLimit(), audit);
        modules.forEach(api::mount);
        mountPages(router, config);
        router.route().failureHandler(JsonErrors::handleFailure);
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500, 501, 503}) {
            router.errorHandler(status, JsonErrors::handleStatus);
        }
        return router;
    }

    /** The router's routes that have a path, as {@code "METHOD /path"}; a route of any method is {@code "ANY /path"}. */
    static List<String> describe(Router router) {
        List<String> out = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null) {
                continue; // request log, failure handler: they run for every path
            }
            String path = route.isExactPath() ? route.getPath() : route.getPath() + "*";
            if (route.methods() == null || route.methods().isEmpty()) {
                out.add("ANY " + path);
            } else {
                route.methods().stream().map(HttpMethod::name).sorted().forEach(m -> out.add(m + " " + path));
            }
        }
        return List.copyOf(out);
    }

    /** Pages and static files: page routes (e.g. {@code /diktera}) are mounted here, before the static files. */
    private static void mountPages(Router router, HttpConfig config) {
        PageRoutes.mount(router);
        // Third-party browser libraries from WebJars on the class path (/webjars/chart.js/4.4.7/dist/chart.umd.js);
        // the version is in the path, so they may be cached.
        router.route("/webjars/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
        StaticHandler files = config.webRoot()
                .map(dir -> StaticHandler.create(FileSystemAccess.ROOT, dir.toAbsolutePath().toString()))
                .orElseGet(() -> StaticHandler.create("web"));
        files.setCachingEnabled(false).setIndexPage("index.html");
        // GET and HEAD only, so a wrong method on an API path is answered 405, not swallowed here.
        // Vert.x's StaticHandler throws on some dot-segment paths (GET /%2E%2E%2F): such a path names no file.
        router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> {
            try {
                files.handle(ctx);
            } catch (RuntimeException e) {
                ctx.fail(404);
            }
        });
    }
}
