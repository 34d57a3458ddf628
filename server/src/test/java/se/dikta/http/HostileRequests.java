package se.dikta.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import se.dikta.testing.ApiClient;

/**
 * Seeded hostile HTTP requests: malformed, deeply nested, huge and mistyped JSON on every JSON route, invalid
 * UTF-8, Lucene query-syntax garbage and 100-KB queries, path traversal and odd characters in every id, and
 * report parameters out of range. Each request's answer goes to a {@link FuzzTally}, which fails on a 5xx or
 * a 4xx without a JSON error.
 */
final class HostileRequests {

    /** Odd ids: traversal, encodings, control characters, SQL, very long, right-to-left marks. */
    static final List<String> ODD_IDS = List.of("..%2F..%2Fetc%2Fpasswd", "..", "%2E%2E%2F", "%00", "a%00b", "%0A",
            "%ff%fe", "%C0%AF", "%E2%80%AE", "%F0%9F%98%80", "'%20OR%201=1--", "x".repeat(99), "y".repeat(101),
            "z".repeat(3000), "%25", "-1", "0", "9223372036854775808", "%20", "a;b", "CON", "%5C..%5C");
    private static final String LUCENE = "+-&|!(){}[]^\"~*?:\\/ ";
    private static final List<String> WORDS = List.of("AND", "OR", "NOT", "TO", "oro", "barn*", "\"skolan", "*",
            "?", "~2", "^9", "[a TO z]", "{*", "/reg.*ex/", "personnummer:", "section:KONTAKT", "19850101-1234");

    private final ApiClient worker;
    private final ApiClient admin;
    private final String noteId;
    private final long unitId;
    private final FuzzTally tally;

    HostileRequests(ApiClient worker, ApiClient admin, String noteId, long unitId, FuzzTally tally) {
        this.worker = worker;
        this.admin = admin;
        this.noteId = noteId;
        this.unitId = unitId;
        this.tally = tally;
    }

    /** Valid bodies of each JSON route: the starting points of the mutations. */
    private List<Route> routes() {
        return List.of(
                new Route(worker, "POST", "/api/cases", new JsonObject().put("id", "F-1").put("title", "Fuzz")),
                new Route(worker, "POST", "/api/notes", new JsonObject().put("caseId", "F-1").put("template", "journalanteckning")
                        .put("eventDate", se.dikta.calendar.OfficeCalendar.today(java.time.Clock.systemUTC()).minusDays(30).toString()).put("sections", new JsonArray().add(new JsonObject()
                                .put("key", "KONTAKT").put("text", "hej"))).put("transcript", "hej")),
                new Route(worker, "PUT", "/api/notes/" + noteId, new JsonObject().put("transcript", "x")
                        .put("words", new JsonArray().add(new JsonObject().put("word", "x").put("start", 0).put("end", 1)
                                .put("conf", 1))).put("metrics", new JsonObject().put("editSeconds", 3))),
                new Route(worker, "POST", "/api/notes/" + noteId + "/amendments", new JsonObject().put("text", "rättelse")
                        .put("section", "KONTAKT")),
                new Route(worker, "POST", "/api/structure", new JsonObject().put("text", "hej hopp").put("template",
                        "journalanteckning")),
                new Route(null, "POST", "/api/login", new JsonObject().put("username", "fuzz").put("password", "x")),
                new Route(admin, "POST", "/api/admin/users", new JsonObject().put("username", "fuzzer").put("role", "worker")
                        .put("unit", "Fuzz").put("password", "långt-lösenord").put("displayName", "F").put("title", "T")),
                new Route(admin, "PUT", "/api/admin/users/fuzzer", new JsonObject().put("displayName", "F")),
                new Route(admin, "PUT", "/api/admin/units/" + unitId + "/local-names", new JsonObject().put("names",
                        new JsonArray().add(new JsonObject().put("written", "Kvarnbacka").put("type", "PLACE")))));
    }

    record Route(ApiClient client, String method, String path, JsonObject valid) {
    }

    /** One seeded hostile JSON request. */
    void json(Random rnd, ApiClient anonymous) {
        List<Route> routes = routes();
        Route route = routes.get(rnd.nextInt(routes.size()));
        ApiClient client = route.client() == null ? anonymous : route.client();
        byte[] body;
        String type = "application/json";
        String kind;
        switch (rnd.nextInt(7)) {
            case 0 -> {
                String valid = route.valid().encode();
                body = valid.substring(0, rnd.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
                kind = "truncated";
            }
            case 1 -> {
                int depth = 500 + rnd.nextInt(10_000);
                body = (rnd.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
                kind = "nested";
            }
            case 2 -> {
                body = route.valid().copy().put("padding", "x".repeat(2_100_000 + rnd.nextInt(1000)))
                        .encode().getBytes(StandardCharsets.UTF_8);
                kind = "huge";
            }
            case 3 -> {
                byte[] valid = route.valid().encode().getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
                    valid[rnd.nextInt(valid.length)] = (byte) (0x80 + rnd.nextInt(0x80));
                }
                body = valid;
                kind = "invalid-utf8";
            }
            case 4 -> {
                body = new byte[rnd.nextInt(2000)];
                rnd.nextBytes(body);
                kind = "random-bytes";
            }
            case 5 -> {
                body = route.valid().encode().getBytes(StandardCharsets.UTF_8);
                type = List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                        "application/json; charset=utf-16", "").get(rnd.nextInt(5));
                kind = "content-type";
            }
            default -> {
                body = wrongType(rnd, route.valid()).encode().getBytes(StandardCharsets.UTF_8);
                kind = "wrong-type";
            }
        }
        String contentType = type.isEmpty() ? null : type;
        tally.call("json:" + kind, route.method() + " " + route.path(), body.length,
                () -> client.sendBytes(route.method(), route.path(), body, contentType));
    }

    /** The valid body with one field (or one nested field) replaced by a value of another type. */
    static JsonObject wrongType(Random rnd, JsonObject valid) {
        JsonObject body = valid.copy();
        List<String> names = List.copyOf(body.fieldNames());
        String name = names.get(rnd.nextInt(names.size()));
        Object value = switch (rnd.nextInt(11)) {
            case 0 -> null;
            case 1 -> rnd.nextLong();
            case 2 -> rnd.nextDouble() * 1e300;
            case 3 -> rnd.nextBoolean();
            case 4 -> new JsonArray().add(1).add("x").addNull();
            case 5 -> new JsonObject().put("x", new JsonObject().put("y", 1));
            case 6 -> "x".repeat(rnd.nextInt(1_500_000));
            case 7 -> "a\u0000b";
            case 8 -> "\ud800";
            case 9 -> new JsonArray().add(new JsonObject().put("key", 7).put("text", List.of(1)));
            default -> "+999999999-12-31";
        };
        if (body.getValue(name) instanceof JsonArray array && !array.isEmpty() && rnd.nextBoolean()
                && array.getValue(0) instanceof JsonObject first) {
            List<String> inner = List.copyOf(first.fieldNames());
            first.put(inner.get(rnd.nextInt(inner.size())), value);
        } else {
            body.put(name, value);
        }
        return body;
    }

    /** Lucene query-syntax garbage, long queries and odd search parameters. */
    void search(Random rnd) {
        StringBuilder q = new StringBuilder();
        int parts = rnd.nextInt(10) == 0 ? 30_000 : 1 + rnd.nextInt(40);
        while (q.length() < 120_000 && parts-- > 0) {
            q.append(rnd.nextBoolean() ? WORDS.get(rnd.nextInt(WORDS.size()))
                    : String.valueOf(LUCENE.charAt(rnd.nextInt(LUCENE.length()))));
            if (rnd.nextBoolean()) {
                q.append(' ');
            }
        }
        String query = "q=" + URLEncoder.encode(q.toString(), StandardCharsets.UTF_8);
        String extra = switch (rnd.nextInt(6)) {
            case 0 -> "&page=" + rnd.nextLong();
            case 1 -> "&size=" + (rnd.nextInt(2000) - 500);
            case 2 -> "&section=" + URLEncoder.encode(q.substring(0, Math.min(q.length(), 50)), StandardCharsets.UTF_8);
            case 3 -> "&from=" + (rnd.nextInt(20000) - 5000) + "-01-01&to=2026-13-45";
            case 4 -> "&sort=" + ODD_IDS.get(rnd.nextInt(ODD_IDS.size()));
            default -> "&author=" + ODD_IDS.get(rnd.nextInt(ODD_IDS.size()));
        };
        tally.call("search", "q of " + q.length() + " chars" + extra.substring(0, Math.min(extra.length(), 40)), 0,
                () -> worker.get("/api/search?" + query + extra));
    }

    /** An odd id in every route that takes one. */
    void ids(Random rnd) {
        String id = ODD_IDS.get(rnd.nextInt(ODD_IDS.size()));
        List<String[]> calls = List.of(
                new String[] {"GET", "/api/notes/" + id}, new String[] {"GET", "/api/notes/" + id + "/versions"},
                new String[] {"PUT", "/api/notes/" + id}, new String[] {"POST", "/api/notes/" + id + "/sign"},
                new String[] {"POST", "/api/notes/" + id + "/amendments"}, new String[] {"GET", "/api/transcriptions/" + id},
                new String[] {"GET", "/api/notes?caseId=" + id}, new String[] {"GET", "/api/admin/users/" + id},
                new String[] {"PUT", "/api/admin/users/" + id}, new String[] {"POST", "/api/admin/users/" + id + "/activate"},
                new String[] {"GET", "/api/admin/units/" + id + "/local-names"}, new String[] {"GET", "/" + id},
                new String[] {"GET", "/api/" + id});
        String[] call = calls.get(rnd.nextInt(calls.size()));
        ApiClient client = call[1].startsWith("/api/admin") ? admin : worker;
        String body = call[0].equals("GET") ? null : "{\"text\":\"x\",\"displayName\":\"x\"}";
        tally.call("ids", call[0] + " " + call[1].substring(0, Math.min(call[1].length(), 80)), 0,
                () -> client.send(call[0], call[1], body, body == null ? null : "application/json"));
    }

    /** Report parameters out of range. */
    void reports(Random rnd, ApiClient manager) {
        String year = String.valueOf(List.of(0, -1, 1, 999, 1899, 2200, 9999, 999_999_999).get(rnd.nextInt(8)));
        String query = switch (rnd.nextInt(7)) {
            case 0 -> "from=" + year + "-01-01&to=2026-01-01";
            case 1 -> "from=2026-01-01&to=" + year + "-12-31";
            case 2 -> "tertial=" + year + "-T" + rnd.nextInt(6);
            case 3 -> "groupBy=" + ODD_IDS.get(rnd.nextInt(ODD_IDS.size()));
            case 4 -> "unit=" + ODD_IDS.get(rnd.nextInt(ODD_IDS.size()));
            case 5 -> "from=1900-01-01&to=2199-12-31";
            default -> "from=2026-02-30&to=2026-02-31&tertial=2026-T1";
        };
        String path = "/api/reports/time-saved" + List.of("", ".csv", ".pdf").get(rnd.nextInt(3)) + "?" + query;
        tally.call("reports", path.substring(0, Math.min(path.length(), 80)), 0, () -> manager.get(path));
    }
}
