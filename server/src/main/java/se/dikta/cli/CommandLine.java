package se.dikta.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line split into words ({@code user add anna}) and options ({@code --port 0}, {@code --demo}).
 * An option followed by another option or nothing is a switch with the value "true".
 */
public record CommandLine(List<String> words, Map<String, String> options) {

    public static CommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && a.length() > 2) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    options.put(a.substring(0, eq), a.substring(eq + 1));
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    options.put(a, args[++i]);
                } else {
                    options.put(a, "true");
                }
            } else {
                words.add(a);
            }
        }
        return new CommandLine(List.copyOf(words), Map.copyOf(options));
    }

    /** The options left for configuration once a command took its own. */
    public Map<String, String> without(String... own) {
        Map<String, String> rest = new LinkedHashMap<>(options);
        for (String o : own) {
            rest.remove(o);
        }
        return rest;
    }
}
