package se.dikta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.dikta.audit.AuditLog;
import se.dikta.config.DiktaConfig;
import se.dikta.retention.RetentionPass;
import se.dikta.retention.RetentionPlan;

/**
 * {@code retention run --dry-run|--apply}: the retention pass by hand. The dry run lists what is due (ids and
 * file names, never content) and changes nothing; apply removes it and writes an audit row with the counts,
 * as the daily pass does (but regardless of whether the day's pass already ran). The search index of every
 * node drops the removed notes through the revision feed, a running server within its poll interval, a
 * stopped one when it starts.
 */
public final class RetentionCommand implements Command {

    @Override
    public String usage() {
        return "retention run --dry-run|--apply  (removes drafts, audio, jobs and notes past their retention)";
    }

    @Override
    public String[] ownOptions() {
        return new String[] {"--dry-run", "--apply"};
    }

    @Override
    public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
        boolean dryRun = cl.options().containsKey("--dry-run");
        boolean apply = cl.options().containsKey("--apply");
        if (cl.words().size() != 2 || dryRun == apply) {
            throw new IllegalArgumentException("Usage: retention run --dry-run|--apply");
        }
        DiktaConfig config = DiktaConfig.load(cl.without(ownOptions()), env);
        try (CliContext cli = CliContext.open(config)) {
            RetentionPass pass = new RetentionPass(cli.db(), config.retention(), config.asr().uploadDir(),
                    new AuditLog(cli.db(), cli.clock()), cli.clock());
            if (dryRun) {
                RetentionPlan plan = pass.plan();
                out.println("Provkörning, inget tas bort / Dry run, nothing is removed: " + plan.counts());
                list(out, "draft", plan.drafts());
                list(out, "signed note", plan.signedNotes());
                list(out, "transcription job", plan.transcriptionJobs());
                list(out, "audio file", plan.audioFiles().stream().map(Path::toString).toList());
            } else {
                RetentionPlan done = pass.apply(Optional.empty(), "cli");
                out.println("Gallrat / Removed: " + done.counts());
            }
            return 0;
        }
    }

    private static void list(PrintStream out, String kind, List<String> items) {
        items.forEach(i -> out.println("  " + kind + " " + i));
    }
}
