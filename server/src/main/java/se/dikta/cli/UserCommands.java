package se.dikta.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import se.dikta.auth.AuthApi;
import se.dikta.auth.UserStore;
import se.dikta.config.DiktaConfig;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/** {@code user add} and {@code user list}, against the configured database. */
public final class UserCommands {

    private UserCommands() {}

    public static final class Add implements Command {
        @Override
        public String usage() {
            return "user add NAME --role worker|manager|admin --unit UNIT --password-stdin "
                    + "[--display-name \"Full Name\"] [--title TITLE]";
        }

        @Override
        public String[] ownOptions() {
            return new String[] {"--role", "--unit", "--password-stdin", "--display-name", "--title"};
        }

        @Override
        public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
            if (cl.words().size() != 3) {
                throw new IllegalArgumentException("Usage: " + usage());
            }
            String name = cl.words().get(2);
            Role role = Role.parse(required(cl, "--role"));
            String unit = required(cl, "--unit");
            if (!"true".equals(cl.options().get("--password-stdin"))) {
                throw new IllegalArgumentException("Give the password on standard input with --password-stdin");
            }
            String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (password == null) {
                throw new IllegalArgumentException("No password on standard input");
            }
            DiktaConfig config = DiktaConfig.load(cl.without(ownOptions()), env);
            try (CliContext cli = CliContext.open(config)) {
                AuthUser user = cli.auth().addUserBlocking(new UserStore.NewUser(name,
                        cl.options().getOrDefault("--display-name", name),
                        cl.options().getOrDefault("--title", AuthApi.defaultTitle(role)), role, unit), password);
                out.println("Created user " + user.username() + " (" + user.role().id() + ", " + user.unit() + ")");
            }
            return 0;
        }

        private static String required(CommandLine cl, String option) {
            String v = cl.options().get(option);
            if (v == null || v.isBlank() || v.equals("true")) {
                throw new IllegalArgumentException("Missing " + option);
            }
            return v;
        }
    }

    public static final class List implements Command {
        @Override
        public String usage() {
            return "user list";
        }

        @Override
        public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
            DiktaConfig config = DiktaConfig.load(cl.without(), env);
            try (CliContext cli = CliContext.open(config)) {
                for (AuthUser u : cli.auth().listUsersBlocking()) {
                    out.printf("%-20s %-8s %s%n", u.username(), u.role().id(), u.unit());
                }
            }
            return 0;
        }
    }
}
