package se.dikta;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import se.dikta.asr.DraftSink;
import se.dikta.asr.ModelVerifier;
import se.dikta.asr.NoteDraftSink;
import se.dikta.asr.TranscriptionApi;
import se.dikta.asr.UnsavedDictations;
import se.dikta.asr.VoskEngine;
import se.dikta.audit.AuditLog;
import se.dikta.auditlog.AuditApi;
import se.dikta.auditlog.AuditReader;
import se.dikta.auth.AuthApi;
import se.dikta.auth.UserAdmin;
import se.dikta.auth.UserAdminApi;
import se.dikta.auth.AuthService;
import se.dikta.cases.CaseStore;
import se.dikta.cases.CasesApi;
import se.dikta.config.DiktaConfig;
import se.dikta.db.Database;
import se.dikta.db.DatabaseHealth;
import se.dikta.health.HealthContributor;
import se.dikta.http.ApiModule;
import se.dikta.notes.NoteService;
import se.dikta.notes.NoteStore;
import se.dikta.notes.NotesApi;
import se.dikta.notes.StoreNoteFeed;
import se.dikta.search.IndexHealth;
import se.dikta.search.NoteIndexer;
import se.dikta.search.SearchApi;
import se.dikta.search.SearchService;
import se.dikta.search.SwedishNoteAnalyzer;
import se.dikta.sso.OidcApi;
import se.dikta.sso.OidcService;
import se.dikta.structure.StructureApi;
import se.dikta.structure.StructureService;
import se.dikta.structure.localnames.LocalNames;
import se.dikta.structure.localnames.LocalNamesApi;
import se.dikta.timelog.Periods;
import se.dikta.timelog.Pseudonyms;
import se.dikta.timelog.TimeLog;
import se.dikta.timelog.TimeLogNoteListener;
import se.dikta.timelog.TimeSavedApi;
import se.dikta.timelog.TimeSavedPdf;
import se.dikta.timelog.TimeSavedReport;

/**
 * The services of one running server, wired once from the configuration: every feature's service, its
 * web adapter ({@link #modules}) and its part of {@code GET /health}. Nothing here is global; each piece
 * that must be closed is registered with the {@link Closer} as it opens.
 */
public record Services(Vertx vertx, DiktaConfig config, Clock clock, Database db, AuditLog audit, AuthService auth,
        CaseStore cases, TimeLog timeLog, NoteService notes, TranscriptionApi transcription,
        List<ApiModule> modules, List<HealthContributor> health) {

    /**
     * Opens the database and the search index, the structuring models and the speech model at once, each on
     * a worker (they do not depend on each other, and on a fresh start the cores would otherwise wait for the
     * database's class loading and migrations), then wires the rest. Settles only when all three have, so a
     * failed start closes nothing that is still loading.
     */
    static Future<Services> open(Vertx vertx, DiktaConfig config, Clock clock, PrometheusMeterRegistry registry,
            Closer closer) {
        SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
        NoteStore noteStore = new NoteStore();
        VoskEngine speech = closer.add(new VoskEngine(config.asr(), new ModelVerifier()));
        Future<Void> speechLoaded = speech.start(vertx);
        Future<StructureService> structure = vertx.executeBlocking(
                () -> closer.add(StructureService.start(vertx, config.structure())), false);
        Future<Stores> stores = vertx.executeBlocking(() -> {
            Files.createDirectories(config.dataDir());
            Database db = closer.add(Database.open(vertx, config.db()));
            NoteIndexer indexer = closer.add(new NoteIndexer(config.search(), new StoreNoteFeed(db, noteStore), analyzer));
            indexer.start();
            return new Stores(db, indexer);
        }, false);
        return Future.join(stores, structure, speechLoaded).map(all -> wire(vertx, config, registry, closer, clock,
                analyzer, noteStore, new Opened(stores.result().db(), stores.result().indexer(), structure.result()),
                speech));
    }

    private record Stores(Database db, NoteIndexer indexer) {}

    private record Opened(Database db, NoteIndexer indexer, StructureService structure) {}

    private static Services wire(Vertx vertx, DiktaConfig config, PrometheusMeterRegistry registry, Closer closer,
            Clock clock, SwedishNoteAnalyzer analyzer, NoteStore noteStore, Opened o, VoskEngine speech) {
        Database db = o.db();
        AuditLog audit = new AuditLog(db, clock);
        AuthService auth = new AuthService(vertx, db, config.auth(), audit, clock);
        CaseStore cases = new CaseStore();
        TimeLog timeLog = new TimeLog(db, Periods.stockholm());
        NoteService notes = new NoteService(db, noteStore, cases, audit, clock,
                List.of(o.indexer(), new TimeLogNoteListener(timeLog)));
        DraftSink drafts = new NoteDraftSink(notes, new UnsavedDictations());
        TranscriptionApi transcription = closer.add(new TranscriptionApi(vertx, speech, db, drafts,
                config.asr(), registry, config.http().publicOrigin(), clock, audit, config.retention().keepsAudio()));
        LocalNames localNames = new LocalNames(db, audit);
        Optional<OidcService> oidc = config.oidc().enabled()
                ? Optional.of(new OidcService(vertx, db, auth, audit, config.oidc(), clock)) : Optional.empty();
        List<ApiModule> modules = List.of(
                new AuthApi(auth, config.auth(), config.http().publicOrigin().map(u -> u.startsWith("https:")).orElse(false)),
                new OidcApi(oidc, config.auth(), config.http().publicOrigin()),
                new UserAdminApi(auth, new UserAdmin(auth, db, config.auth(), audit)),
                new CasesApi(db, cases, audit, clock),
                new NotesApi(notes),
                new SearchApi(new SearchService(vertx, o.indexer(), analyzer, config.search(), audit)),
                new StructureApi(o.structure(), config.structure(), localNames),
                new LocalNamesApi(localNames),
                new AuditApi(new AuditReader(db, audit), config.auditLog(), registry, clock),
                transcription,
                new TimeSavedApi(vertx, new TimeSavedReport(db, config.timelog(), Pseudonyms.of(config.timelog()), audit),
                        new TimeSavedPdf(), clock));
        List<HealthContributor> health = List.of(new DatabaseHealth(db), new IndexHealth(o.indexer()),
                o.structure().health(), transcription.health());
        return new Services(vertx, config, clock, db, audit, auth, cases, timeLog, notes, transcription, modules, health);
    }
}
