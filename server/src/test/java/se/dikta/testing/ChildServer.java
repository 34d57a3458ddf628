package se.dikta.testing;

import java.io.IOException;
import java.util.Map;
import se.dikta.auth.Role;

/**
 * A test server in its own JVM, for tests that need a process with other settings (locale, encoding).
 * Started without se.dikta.Main, so that only the services themselves prepare the runtime.
 * Usage: {@code ChildServer KEY=VALUE...}; prints {@code READY <port>}, adds the worker "anna" and runs
 * until its standard input closes.
 */
public final class ChildServer {

    private ChildServer() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> overrides = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        try (TestServer server = TestServer.start(overrides)) {
            server.addUser("anna", Role.WORKER, "IFO");
            System.out.println("READY " + server.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // until the parent closes our stdin
            }
        }
        System.exit(0);
    }
}
