package se.dikta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.store.LockObtainFailedException;
import se.dikta.config.DiktaConfig;
import se.dikta.notes.NoteStore;
import se.dikta.notes.StoreNoteFeed;
import se.dikta.search.IndexCatchUp;
import se.dikta.search.SwedishNoteAnalyzer;

/**
 * {@code dikta.jar index rebuild}: rebuilds this node's search index from the database. The server must
 * be stopped (it holds the index lock); the old index stays readable until the new one is committed.
 */
public final class IndexRebuildCommand implements Command {

    @Override
    public String usage() {
        return "index rebuild                 (rebuilds the search index from the database; stop the server first)";
    }

    @Override
    public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
        if (cl.words().size() != 2) {
            throw new IllegalArgumentException("Usage: index rebuild");
        }
        DiktaConfig config = DiktaConfig.load(cl.without(), env);
        try (CliContext cli = CliContext.open(config)) {
            long started = System.nanoTime();
            long notes = IndexCatchUp.rebuild(config.search(), new StoreNoteFeed(cli.db(), new NoteStore()),
                    new SwedishNoteAnalyzer());
            out.printf(Locale.ROOT, "Search index rebuilt: %d notes in %.1f s (%s)%n", notes,
                    (System.nanoTime() - started) / 1e9, config.search().indexDir());
            return 0;
        } catch (LockObtainFailedException e) {
            throw new IllegalArgumentException("The search index " + config.search().indexDir()
                    + " is in use by a running server: stop it first");
        }
    }
}
