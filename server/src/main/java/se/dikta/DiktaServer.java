package se.dikta;


import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.audit.AuditAnchor;
import se.dikta.auth.SessionAuthenticator;
import se.dikta.http.ClientInfo;
import se.dikta.config.DiktaConfig;
import se.dikta.retention.RetentionPass;
import se.dikta.retention.RetentionSchedule;
import java.time.Clock;
import java.util.List;

/**
 * The running service. It only assembles: {@link Services} wires the features, {@link WebRouter} holds the
 * routes, {@link DemoData} seeds demo mode, {@link SessionPurge} expires sessions, {@link RetentionSchedule}
 * runs the daily retention pass and {@link Closer} keeps the
 * shutdown order. Start order: database and index, structuring models and speech model side by side; demo data;
 * then listen.
 */
public final class DiktaServer {

    private static final Logger LOG = LoggerFactory.getLogger(DiktaServer.class);

    private final Vertx vertx;
    private final Services services;
    private final HttpServer http;
    private final Closer closer;
    private final List<String> routes;

    private DiktaServer(Vertx vertx, Services services, HttpServer http, Closer closer, List<String> routes) {
        this.vertx = vertx;
        this.services = services;
        this.http = http;
        this.closer = closer;
        this.routes = routes;
    }

    /** Starts a server with its own Vert.x instance, which {@link #stop()} closes. */
    public static Future<DiktaServer> start(DiktaConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts a server whose services read time from {@code clock} (sessions, throttling, retention, the audit
     * log): tests pass a clock they move; production uses the system clock.
     */
    public static Future<DiktaServer> start(DiktaConfig config, Clock clock) {
        Closer closer = new Closer();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        closer.add(new JvmGcMetrics()).bindTo(registry);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions()
                        .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true))
                        .setFileSystemOptions(new FileSystemOptions()
                                .setFileCacheDir(config.dataDir().resolve("tmp").toString())))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        // Completed outside Vert.x's contexts, so callers still hear of a failure after the instance is closed.
        Promise<DiktaServer> started = Promise.promise();
        boot(vertx, config, clock, registry, closer).onComplete(ar -> {
            if (ar.succeeded()) {
                started.complete(ar.result());
            } else {
                LOG.error("Start-up failed: {}", ar.cause().toString());
                closer.closeAll();
                started.fail(ar.cause());
                vertx.close();
            }
        });
        return started.future();
    }

    private static Future<DiktaServer> boot(Vertx vertx, DiktaConfig config, Clock clock,
            PrometheusMeterRegistry registry, Closer closer) {
        return Services.open(vertx, config, clock, registry, closer).compose(services -> {
            closer.add(SessionPurge.start(vertx, services.auth()));
            closer.add(AuditAnchor.start(vertx, services.db(), registry));
            closer.add(RetentionSchedule.start(vertx, new RetentionPass(services.db(), config.retention(),
                    config.asr().uploadDir(), services.audit(), clock), config.retention(), clock));
            Router router = WebRouter.create(vertx, config.http(), config.tls().hsts(), registry,
                    new SessionAuthenticator(services.auth(), services.audit(), ctx -> ClientInfo.of(ctx).address()),
                    services.modules(), services.health(), services.audit());
            // The speech model (loading since Services.open) is in before the server listens; a missing one is not fatal.
            return services.transcription().start()
                    .compose(v -> config.demo() ? DemoData.seed(services) : Future.<Void>succeededFuture())
                    .compose(v -> HttpListener.listen(vertx, config, router, closer))
                    .map(http -> new DiktaServer(vertx, services, http, closer, WebRouter.describe(router)));
        }).onSuccess(server -> {
            LOG.info("Dikta started");
            System.out.println("Listening on " + (config.tls().enabled() ? "https" : "http") + "://127.0.0.1:"
                    + server.port());
        });
    }

    public int port() {
        return http.actualPort();
    }

    /** The wired services, for embedding and for the test fixture ({@code se.dikta.testing.TestServer}). */
    public Services services() {
        return services;
    }

    /**
     * Every route the router answers, as {@code "METHOD /path"} ({@code "ANY /path"} for a route of any method),
     * in matching order: the access matrix test compares it with its own table, so a new route needs a rule.
     */
    public List<String> routes() {
        return routes;
    }

    /** Stops listening, closes the services (last opened first) and the Vert.x instance. */
    public Future<Void> stop() {
        // Completed from a plain thread: Vert.x cannot deliver callbacks once its own contexts are closed.
        Promise<Void> done = Promise.promise();
        http.close().eventually(() -> vertx.executeBlocking(() -> {
            closer.closeAll();
            return null;
        })).onComplete(ar -> new Thread(() -> {
            vertx.close().await();
            done.complete();
        }, "dikta-stop").start());
        return done.future();
    }
}
