package se.dikta;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import se.dikta.cli.Command;
import se.dikta.cli.CommandLine;
import se.dikta.cli.IndexRebuildCommand;
import se.dikta.cli.NlpEvaluateCommand;
import se.dikta.cli.UserCommands;
import se.dikta.config.DiktaConfig;
import se.dikta.db.Database;
import se.dikta.failure.DomainException;
import se.dikta.cli.IndexRebuildCommand;
import se.dikta.cli.NlpEvaluateCommand;
import se.dikta.cli.BackupCommands;
import se.dikta.cli.DoctorCommand;
import se.dikta.cli.AuditVerifyCommand;
import se.dikta.cli.RetentionCommand;
import se.dikta.settings.ConfigException;

/** {@code java -jar dikta.jar COMMAND [options]}: the server and its administration commands. */
public final class Main {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main() {
        commands.put("serve", new ServeCommand());
        commands.put("user add", new UserCommands.Add());
        commands.put("user list", new UserCommands.List());
        commands.put("index rebuild", new IndexRebuildCommand());
        commands.put("nlp evaluate", new NlpEvaluateCommand());
        commands.put("backup", new BackupCommands.Backup());
        commands.put("restore", new BackupCommands.Restore());
        commands.put("doctor", new DoctorCommand());
        commands.put("audit verify", new AuditVerifyCommand());
        commands.put("retention run", new RetentionCommand());
    }

    public static void main(String[] args) {
        System.setProperty("jna.encoding", "UTF-8");
        int code = new Main().run(args, System.getenv(), System.in, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = CommandLine.parse(args);
        Command command = find(cl);
        if (command == null) {
            err.println("Usage: java -jar dikta.jar COMMAND [options]");
            commands.values().forEach(c -> err.println("  " + c.usage()));
            err.println("Options for every command: --config FILE --port N --data-dir DIR --db-url URL "
                    + "--db-user USER --db-password PW --asr-model DIR (or DIKTA_PORT, DIKTA_DATA_DIR, ...)");
            return 2;
        }
        try {
            return command.run(cl, env, in, out);
        } catch (ConfigException | IllegalArgumentException | DomainException
                | Database.DatabaseUnavailableException e) {
            err.println("dikta: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("dikta: " + e);
            return 1;
        }
    }

    private Command find(CommandLine cl) {
        var w = cl.words();
        if (w.size() >= 2 && commands.containsKey(w.get(0) + " " + w.get(1))) {
            return commands.get(w.get(0) + " " + w.get(1));
        }
        return w.isEmpty() ? null : commands.get(w.get(0));
    }

    /** {@code serve [--demo]}: runs until the process is stopped. */
    static final class ServeCommand implements Command {
        @Override
        public String usage() {
            return "serve [--demo] [--port N] [--data-dir DIR] [--db-url URL] [--asr-model DIR]";
        }

        @Override
        public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
            DiktaConfig config = DiktaConfig.load(cl.without(), env);
            DiktaServer server;
            try {
                server = DiktaServer.start(config).await();
            } catch (Database.DatabaseUnavailableException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalArgumentException("Could not start: " + e.getMessage(), e);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop().await();
                stopped.countDown();
            }, "dikta-shutdown"));
            stopped.await();
            return 0;
        }
    }
}
