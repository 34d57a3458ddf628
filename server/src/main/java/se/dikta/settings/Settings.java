package se.dikta.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The raw configuration after layering: defaults &lt; config file &lt; {@code DIKTA_*} environment &lt;
 * command-line flags. Keys are dotted camelCase ({@code asr.maxStreams}); the same key is
 * {@code DIKTA_ASR_MAX_STREAMS} in the environment and {@code --asr-max-streams} on the command line.
 *
 * <p>Feature configuration records read their keys through the typed getters, which fail with a
 * {@link ConfigException} naming the key and its source. Settings remembers which keys were read so
 * that a key nobody reads (a typo in {@code dikta.json}, say) can be reported at start-up.
 */
public final class Settings {

    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Map<String, String> file;
    private final String fileName;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    /**
     * @param flags command-line flags by flag name ({@code --port})
     * @param env the process environment (only {@code DIKTA_*} names are looked at)
     * @param file the flattened config file (dotted keys)
     * @param fileName where {@code file} came from, for messages
     */
    public Settings(Map<String, String> flags, Map<String, String> env, Map<String, String> file, String fileName) {
        this.flags = Map.copyOf(flags);
        this.env = Map.copyOf(env);
        this.file = Map.copyOf(file);
        this.fileName = fileName;
    }

    /** Settings from plain key/value pairs, as if written in a config file (tests, embedded use). */
    public static Settings of(Map<String, String> values) {
        return new Settings(Map.of(), Map.of(), values, "overrides");
    }

    /** Environment variable name for a key: {@code asr.maxStreams} → {@code DIKTA_ASR_MAX_STREAMS}. */
    public static String envName(String key) {
        return "DIKTA_" + words(key, "_").toUpperCase(Locale.ROOT);
    }

    /** Command-line flag for a key: {@code asr.maxStreams} → {@code --asr-max-streams}. */
    public static String flagName(String key) {
        return "--" + words(key, "-").toLowerCase(Locale.ROOT);
    }

    private static String words(String key, String sep) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == '.') {
                sb.append(sep);
            } else if (Character.isUpperCase(c)) {
                sb.append(sep).append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public Optional<String> optionalString(String key) {
        read.add(key);
        return Optional.ofNullable(lookup(key)).map(Value::text).map(String::trim).filter(t -> !t.isEmpty());
    }

    private record Value(String text, String source) {}

    private Value lookup(String key) {
        String flag = flagName(key);
        if (flags.containsKey(flag)) {
            return new Value(flags.get(flag), "command line " + flag);
        }
        String envName = envName(key);
        if (env.containsKey(envName)) {
            return new Value(env.get(envName), "environment " + envName);
        }
        if (file.containsKey(key)) {
            return new Value(file.get(key), fileName + " key " + key);
        }
        return null;
    }

    public String string(String key, String def) {
        return optionalString(key).orElse(def);
    }

    public int integer(String key, int def, int min, int max) {
        return (int) longValue(key, def, min, max);
    }

    public long longValue(String key, long def, long min, long max) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return def;
        }
        long v;
        try {
            v = Long.parseLong(s.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "expected a whole number");
        }
        if (v < min || v > max) {
            throw invalid(key, "expected a number from " + min + " to " + max);
        }
        return v;
    }

    public double decimal(String key, double def, double min, double max) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return def;
        }
        double v;
        try {
            v = Double.parseDouble(s.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "expected a number");
        }
        if (!(v >= min && v <= max)) {
            throw invalid(key, "expected a number from " + min + " to " + max);
        }
        return v;
    }

    public boolean bool(String key, boolean def) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return def;
        }
        return switch (s.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, "expected true or false");
        };
    }

    public Path path(String key, Path def) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return def;
        }
        try {
            return Path.of(s.get());
        } catch (RuntimeException e) {
            throw invalid(key, "not a valid path");
        }
    }

    /** A duration as "45s", "30m", "8h", "2d" or a number of seconds. */
    public Duration duration(String key, Duration def) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return def;
        }
        String t = s.get().toLowerCase(Locale.ROOT);
        try {
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return positive(key, Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw invalid(key, "expected a duration like 30s, 30m or 8h");
            };
            return positive(key, d);
        } catch (NumberFormatException e) {
            throw invalid(key, "expected a duration like 30s, 30m or 8h");
        }
    }

    private Duration positive(String key, Duration d) {
        if (d.isNegative()) {
            throw invalid(key, "must not be negative");
        }
        return d;
    }

    /** Command-line flags no configuration read: misspelt or unknown options. */
    public Set<String> unreadFlags() {
        Set<String> unread = new TreeSet<>(flags.keySet());
        read.forEach(k -> unread.remove(flagName(k)));
        return unread;
    }

    /** Config-file keys no configuration read. */
    public Set<String> unreadFileKeys() {
        Set<String> unread = new TreeSet<>(file.keySet());
        unread.removeAll(read);
        return unread;
    }

    /** {@code DIKTA_*} environment variables no configuration read. */
    public Set<String> unreadEnv() {
        Set<String> unread = new TreeSet<>();
        env.keySet().stream().filter(n -> n.startsWith("DIKTA_")).forEach(unread::add);
        read.forEach(k -> unread.remove(envName(k)));
        return unread;
    }

    public ConfigException invalid(String key, String why) {
        Value v = lookup(key);
        String from = v == null ? "" : " (" + v.source() + ", value '" + v.text() + "')";
        return new ConfigException("Invalid configuration '" + key + "'" + from + ": " + why);
    }
}
