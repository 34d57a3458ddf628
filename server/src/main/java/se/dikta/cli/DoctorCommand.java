package se.dikta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import se.dikta.settings.ConfigException;
import se.dikta.config.DiktaConfig;

/**
 * {@code doctor}: checks a set-up before (or while) it serves — configuration, database and migrations,
 * speech model, language models, disk, HTTPS, clock and port — and prints what to fix in Swedish and
 * English. Exits 1 when anything failed, 0 when only warnings or nothing remain.
 */
public final class DoctorCommand implements Command {

    @Override
    public String usage() {
        return "doctor [same options as serve]   (checks the set-up and says what to fix)";
    }

    @Override
    public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) {
        DiktaConfig config;
        try {
            config = DiktaConfig.load(cl.without("--demo"), env);
        } catch (ConfigException e) {
            out.println("[FAIL] konfiguration: " + e.getMessage() + " — rätta värdet och kör igen");
            out.println("       configuration: " + e.getMessage() + " — fix the value and run again");
            return 1;
        }
        out.println("[OK]   konfiguration: läst och giltig / configuration: read and valid");
        List<DoctorChecks.Finding> findings = new DoctorChecks(config).run();
        for (DoctorChecks.Finding f : findings) {
            String tag = switch (f.level()) {
                case OK -> "[OK]  ";
                case WARN -> "[WARN]";
                case FAIL -> "[FAIL]";
            };
            out.println(tag + " " + f.what() + ": " + f.sv());
            out.println("       " + f.en());
        }
        long failed = findings.stream().filter(f -> f.level() == DoctorChecks.Level.FAIL).count();
        long warned = findings.stream().filter(f -> f.level() == DoctorChecks.Level.WARN).count();
        out.println(failed == 0
                ? "Inga fel (" + warned + " varningar). / No failures (" + warned + " warnings)."
                : failed + " fel att åtgärda. / " + failed + " failure(s) to fix.");
        return failed == 0 ? 0 : 1;
    }
}
