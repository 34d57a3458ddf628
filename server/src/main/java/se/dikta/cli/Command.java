package se.dikta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** A subcommand of {@code dikta.jar}. Returns the process exit code. */
public interface Command {

    /** What the command prints in the usage text. */
    String usage();

    /** Options the command itself takes (not configuration), e.g. {@code --role}. */
    default String[] ownOptions() {
        return new String[0];
    }

    int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception;
}
