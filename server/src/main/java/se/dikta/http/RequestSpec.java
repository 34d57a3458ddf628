package se.dikta.http;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.dikta.calendar.OfficeCalendar;

/**
 * The one declaration of what a route accepts: its body's (or query's) {@link Field}s. {@link #body} and
 * {@link #query} check every declared field and answer 400 naming the first one that fails; what they return
 * holds only declared fields, with texts stripped, blank texts removed, numbers as {@link Long} or
 * {@link Double} and dates as {@code ÅÅÅÅ-MM-DD}. An optional text with a {@link Field#minLength} may be left
 * out but not sent blank. A route whose spec is {@link #strict()} also refuses
 * fields it does not declare.
 *
 * <p>New JSON routes: declare {@code static final RequestSpec X = RequestSpec.of(Field.text(...)...)} in the
 * {@code *Api} adapter and read the body with {@code X.body(ctx)}. Every text that is stored names its
 * column ({@link Field#column}); {@code SchemaLimitsTest} holds each limit against the migrated schema.
 */
public final class RequestSpec {

    private final Map<String, Field> fields;
    private final boolean strict;

    private RequestSpec(Map<String, Field> fields, boolean strict) {
        this.fields = fields;
        this.strict = strict;
    }

    public static RequestSpec of(Field... fields) {
        Map<String, Field> map = new LinkedHashMap<>();
        for (Field f : fields) {
            if (map.put(f.name(), f) != null) {
                throw new IllegalArgumentException("Field " + f.name() + " declared twice");
            }
        }
        return new RequestSpec(map, false);
    }

    /** The same fields; any other field in a request is a 400. */
    public RequestSpec strict() {
        return new RequestSpec(fields, true);
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** The request's JSON body, checked: 415 and 400 as in {@link ApiRoutes#json}, then 400 naming a field. */
    public JsonObject body(RoutingContext ctx) {
        return check(ApiRoutes.json(ctx));
    }

    /** A JSON object (a body already read), checked. */
    public JsonObject check(JsonObject json) {
        if (strict) {
            for (String name : json.fieldNames()) {
                if (!fields.containsKey(name)) {
                    throw ApiException.badRequest("Fältet '" + name + "' kan inte ändras här (okänt fält)");
                }
            }
        }
        JsonObject out = new JsonObject();
        for (Field f : fields.values()) {
            Object value = read(f, json.getValue(f.name()), "Fältet '" + f.name() + "'");
            if (value != null) {
                out.put(f.name(), value);
            }
        }
        return out;
    }

    /** The query parameters, checked; a parameter given twice is a 400 (which one was meant?). */
    public JsonObject query(RoutingContext ctx) {
        MultiMap params = ctx.queryParams();
        JsonObject out = new JsonObject();
        for (Field f : fields.values()) {
            List<String> values = params.getAll(f.name());
            String label = "Parametern '" + f.name() + "'";
            if (values.size() > 1) {
                throw ApiException.badRequest(label + " får bara anges en gång");
            }
            String raw = values.isEmpty() ? null : values.get(0);
            Object typed = raw == null ? null : switch (f.type()) {
                case INTEGER -> integerText(raw, f, label);
                case NUMBER -> numberText(raw, f, label);
                case BOOLEAN -> booleanText(raw, label);
                default -> raw;
            };
            Object value = read(f, typed, label);
            if (value != null) {
                out.put(f.name(), value);
            }
        }
        return out;
    }

    private static Object read(Field f, Object v, String label) {
        if (v instanceof String s && s.isBlank() && f.type() == Field.Type.TEXT) {
            if (f.min() > 0 && !f.mandatory()) {
                throw ApiException.badRequest(label + " får inte vara tomt");
            }
            v = null;
        }
        if (v == null) {
            if (f.mandatory()) {
                throw ApiException.badRequest(label + " saknas eller är tomt");
            }
            return null;
        }
        return switch (f.type()) {
            case TEXT -> text(f, v, label);
            case DATE -> date(f, v, label);
            case INTEGER -> {
                if (!(v instanceof Integer || v instanceof Long)) {
                    throw ApiException.badRequest(label + " ska vara ett heltal");
                }
                yield range(((Number) v).longValue(), f, label);
            }
            case NUMBER -> {
                if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw ApiException.badRequest(label + " ska vara ett tal");
                }
                double d = n.doubleValue();
                if (d < f.min() || d > f.max()) {
                    throw ApiException.badRequest(label + " ska ligga mellan " + f.min() + " och " + f.max());
                }
                yield d;
            }
            case BOOLEAN -> {
                if (!(v instanceof Boolean)) {
                    throw ApiException.badRequest(label + " ska vara true eller false");
                }
                yield v;
            }
            case OBJECT -> {
                if (!(v instanceof JsonObject)) {
                    throw ApiException.badRequest(label + " ska vara ett objekt");
                }
                yield v;
            }
            case ARRAY -> {
                if (!(v instanceof JsonArray a)) {
                    throw ApiException.badRequest(label + " ska vara en lista");
                }
                if (a.size() > f.maxLength()) {
                    throw ApiException.badRequest(label + " får ha högst " + f.maxLength() + " poster");
                }
                yield a;
            }
        };
    }

    private static String text(Field f, Object v, String label) {
        if (!(v instanceof String s)) {
            throw ApiException.badRequest(label + " ska vara text");
        }
        String t = s.strip();
        if (s.length() > f.maxLength()) {
            throw ApiException.badRequest(label + " får vara högst " + f.maxLength() + " tecken");
        }
        if (t.length() < f.min()) {
            throw ApiException.badRequest(label + " ska ha minst " + f.min() + " tecken");
        }
        if (!printable(t)) {
            throw ApiException.badRequest(label + " innehåller otillåtna tecken");
        }
        if (f.pattern().isPresent() && !f.pattern().get().matcher(t).matches()) {
            throw ApiException.badRequest(label + " har fel form: " + f.formatHint());
        }
        return t;
    }

    private static String date(Field f, Object v, String label) {
        if (!(v instanceof String s)) {
            throw ApiException.badRequest(label + " ska vara ett datum (ÅÅÅÅ-MM-DD)");
        }
        LocalDate d = OfficeCalendar.parseDate(s, f.name());
        return d.toString();
    }

    private static long range(long n, Field f, String label) {
        if (n < f.min() || n > f.max()) {
            throw ApiException.badRequest(label + " ska vara ett heltal från " + f.min() + " till " + f.max());
        }
        return n;
    }

    private static Object integerText(String raw, Field f, String label) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(label + " ska vara ett heltal från " + f.min() + " till " + f.max());
        }
    }

    private static Object numberText(String raw, Field f, String label) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(label + " ska vara ett tal");
        }
    }

    private static Object booleanText(String raw, String label) {
        return switch (raw.strip()) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.badRequest(label + " ska vara true eller false");
        };
    }

    /**
     * True when {@code s} holds no NUL or other control character but tab and line breaks, and no half of a
     * surrogate pair: PostgreSQL refuses NUL in text, and a lone surrogate cannot be stored as UTF-8.
     */
    public static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
