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
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.asr.DraftSink;
import se.dikta.asr.InMemoryDraftSink;
import se.dikta.asr.NoteDraftSink;
import se.dikta.asr.ModelVerifier;
import se.dikta.asr.TranscriptionApi;
import se.dikta.asr.VoskEngine;
import se.dikta.audit.AuditLog;
import se.dikta.auth.AuthApi;
import se.dikta.auth.AuthService;
import se.dikta.auth.SessionAuthenticator;
import se.dikta.cases.CaseStore;
import se.dikta.cases.CasesApi;
import se.dikta.config.DiktaConfig;
import se.dikta.db.Database;
import se.dikta.db.DatabaseHealth;
import se.dikta.demo.DemoSeeder;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.HealthApi;
import se.dikta.http.HealthContributor;
import se.dikta.http.JsonErrors;
import se.dikta.http.RequestLog;
import se.dikta.notes.DemoNotes;
import se.dikta.notes.NoteService;
import se.dikta.notes.NoteStore;
import se.dikta.notes.NotesApi;
import se.dikta.notes.StoreNoteFeed;
import se.dikta.search.IndexHealth;
import se.dikta.search.NoteIndexer;
import se.dikta.search.SearchApi;
import se.dikta.search.SearchService;
import se.dikta.search.SwedishNoteAnalyzer;
import se.dikta.structure.StructureApi;
import se.dikta.structure.localnames.LocalNames;
import se.dikta.structure.localnames.LocalNamesApi;
import se.dikta.structure.StructureService;
import se.dikta.timelog.Periods;
import se.dikta.timelog.Pseudonyms;
import se.dikta.timelog.TimeLog;
import se.dikta.timelog.TimeLogDemoData;
import se.dikta.timelog.TimeLogNoteListener;
import se.dikta.timelog.TimeSavedApi;
import se.dikta.timelog.TimeSavedPdf;
import se.dikta.timelog.TimeSavedReport;

/**
 * The running service: builds the services from the configuration, mounts every feature's routes and
 * listens. Everything a request needs is created here and passed down; nothing is global.
 */
public final class DiktaServer {

    private static final Logger LOG = LoggerFactory.getLogger(DiktaServer.class);

    private final Vertx vertx;
    private final DiktaConfig config;
    private final PrometheusMeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Database db;
    private NoteIndexer indexer;
    private NoteService notes;
    private StructureService structure;
    private HttpServer http;

    private DiktaServer(Vertx vertx, DiktaConfig config, PrometheusMeterRegistry registry) {
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
    }

    /** Starts a server with its own Vert.x instance, which {@link #stop()} closes. */
    public static Future<DiktaServer> start(DiktaConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions()
                        .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true))
                        .setFileSystemOptions(new FileSystemOptions()
                                .setFileCacheDir(config.dataDir().resolve("tmp").toString())))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        DiktaServer server = new DiktaServer(vertx, config, registry);
        server.closeables.add(gc);
        // Completed outside Vert.x's contexts, so callers still hear of a failure after the instance is closed.
        Promise<DiktaServer> started = Promise.promise();
        server.boot().onComplete(ar -> {
            if (ar.succeeded()) {
                started.complete(ar.result());
            } else {
                LOG.error("Start-up failed: {}", ar.cause().toString());
                server.closeServices();
                started.fail(ar.cause());
                vertx.close();
            }
        });
        return started.future();
    }

    private Future<DiktaServer> boot() {
        SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
        NoteStore noteStore = new NoteStore();
        return vertx.executeBlocking(() -> {
            Files.createDirectories(config.dataDir());
            db = Database.open(vertx, config.db());
            closeables.add(0, db);
            indexer = new NoteIndexer(config.search(), new StoreNoteFeed(db, noteStore), analyzer);
            closeables.add(0, indexer);
            indexer.start();
            structure = StructureService.start(vertx, config.structure());
            closeables.add(structure);
            return db;
        }).compose(database -> {
            AuditLog audit = new AuditLog(clock);
            AuthService auth = new AuthService(vertx, db, config.auth(), audit, clock);
            CaseStore cases = new CaseStore();
            List<HealthContributor> health = new ArrayList<>();
            health.add(new DatabaseHealth(db));
            List<ApiModule> modules = new ArrayList<>();
            modules.add(new AuthApi(auth, config.auth(),
                    config.http().publicOrigin().map(o -> o.startsWith("https:")).orElse(false)));
            modules.add(new CasesApi(db, cases, audit, clock));
            TimeLog timeLog = new TimeLog(db, Periods.stockholm());
            notes = new NoteService(db, noteStore, cases, clock, List.of(indexer, new TimeLogNoteListener(timeLog)));
            modules.add(new NotesApi(notes));
            modules.add(new SearchApi(new SearchService(vertx, indexer, analyzer, config.search())));
            health.add(new IndexHealth(indexer));
            health.add(structure.health());
            LocalNames localNames = new LocalNames(db);
            modules.add(new StructureApi(structure, config.structure(), localNames));
            modules.add(new LocalNamesApi(localNames));
            VoskEngine speech = new VoskEngine(config.asr(), new ModelVerifier());
            DraftSink drafts = new NoteDraftSink(notes, new InMemoryDraftSink());
            TranscriptionApi transcription = new TranscriptionApi(vertx, speech, db, drafts,
                    config.asr(), registry, config.http().publicOrigin(), clock);
            closeables.add(transcription);
            closeables.add(speech);
            modules.add(transcription);
            health.add(transcription.health());
            modules.add(new TimeSavedApi(new TimeSavedReport(db, config.timelog(), Pseudonyms.of(config.timelog())),
                    new TimeSavedPdf(), clock));

            // The speech model loads on a worker before the server listens; a missing model is not fatal.
            Future<Void> seeded = transcription.start().compose(v -> config.demo()
                    ? vertx.executeBlocking(() -> {
                        DemoSeeder seeder = new DemoSeeder(db, auth, cases, clock);
                        seeder.seed(System.out);
                        // before the demo notes, whose own time-log rows would make the log look seeded
                        new TimeLogDemoData(timeLog).seedIfEmpty(db, seeder.users(), clock);
                        return seeder.users();
                    }).compose(users -> new DemoNotes(notes).seed(users))
                    : Future.succeededFuture());
            vertx.setPeriodic(10 * 60_000L, t -> auth.purgeSessions());
            Router router = router(new SessionAuthenticator(auth), modules, health);
            return seeded.compose(v -> vertx.createHttpServer(new HttpServerOptions()
                            .setHost(config.host())
                            .setPort(config.port())
                            .setCompressionSupported(true)
                            // No cleartext HTTP/2 upgrade: browsers never use it, and with Vert.x 5.0.5 an
                            // upgraded response larger than one HTTP/2 frame (16 KiB, e.g. /metrics) never completes.
                            .setHttp2ClearTextEnabled(false))
                    .requestHandler(router)
                    .listen());
        }).map(server -> {
            http = server;
            LOG.info("Dikta started");
            System.out.println("Listening on http://127.0.0.1:" + server.actualPort());
            return this;
        });
    }

    private Router router(SessionAuthenticator authenticator, List<ApiModule> modules, List<HealthContributor> health) {
        Router router = Router.router(vertx);
        router.route().handler(new RequestLog());
        new HealthApi(health).mount(router);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
        ApiRoutes api = new ApiRoutes(router, authenticator, config.http().jsonBodyLimit());
        modules.forEach(api::mount);
        StaticHandler pages = config.http().webRoot()
                .map(dir -> StaticHandler.create(FileSystemAccess.ROOT, dir.toAbsolutePath().toString()))
                .orElseGet(() -> StaticHandler.create("web"));
        pages.setCachingEnabled(false).setIndexPage("index.html");
        // GET and HEAD only, so a wrong method on an API path is answered 405, not swallowed here.
        router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(pages);
        router.route().failureHandler(JsonErrors::handleFailure);
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500, 501, 503}) {
            router.errorHandler(status, JsonErrors::handleStatus);
        }
        return router;
    }

    public int port() {
        return http.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Database database() {
        return db;
    }

    /** The one way to read and write notes (live dictation appends to drafts through it). */
    public NoteService notes() {
        return notes;
    }

    public DiktaConfig config() {
        return config;
    }

    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** Stops listening, closes the services and the Vert.x instance. */
    public Future<Void> stop() {
        // Completed from a plain thread: Vert.x cannot deliver callbacks once its own contexts are closed.
        Promise<Void> done = Promise.promise();
        Future<Void> closing = http == null ? Future.succeededFuture() : http.close();
        closing.eventually(() -> vertx.executeBlocking(() -> {
            closeServices();
            return null;
        })).onComplete(ar -> new Thread(() -> {
            vertx.close().await();
            done.complete();
        }, "dikta-stop").start());
        return done.future();
    }

    private void closeServices() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", c, e.getMessage());
            }
        }
        closeables.clear();
    }
}
