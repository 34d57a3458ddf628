package se.dikta.http;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.dikta.testing.ApiClient;

/**
 * What the hostile input got back, per kind: how many answers of each status (or WebSocket close code), and
 * every answer that breaks the rule — a 5xx, a 4xx without a JSON {@code {"error"}} (even the codec's 414/431), a stream that did not
 * close or closed with 1011 (internal error).
 */
final class FuzzTally {

    private final Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();

    /** Bodies at least this large may be cut off by a server that refuses them early (413, 415): no answer then. */
    static final int LARGE_BODY = 1_000_000;

    /**
     * Makes the call and records its answer. A connection closed without an answer is a violation, except
     * while a large body was still being sent: the server refused it from its headers (413/415) and closed.
     * Returns null when there was no answer.
     */
    ApiClient.Response call(String kind, String what, int bodyBytes, java.util.function.Supplier<ApiClient.Response> call) {
        ApiClient.Response r;
        try {
            r = call.get();
        } catch (java.io.UncheckedIOException first) {
            // A kept-alive connection the server closed after an earlier refusal (a 414 from the HTTP codec)
            // can be picked by the client just as it closes: one retry on a fresh connection tells that apart.
            synchronized (this) {
                count(kind + " (retried)", 0);
            }
            r = retry(kind, what, bodyBytes, call);
        }
        if (r != null) {
            http(kind, what, r);
        }
        return r;
    }

    private ApiClient.Response retry(String kind, String what, int bodyBytes,
            java.util.function.Supplier<ApiClient.Response> call) {
        ApiClient.Response r;
        try {
            r = call.get();
        } catch (java.io.UncheckedIOException e) {
            synchronized (this) {
                count(kind, 0);
                if (bodyBytes < LARGE_BODY) {
                    violations.add(kind + " " + what + " → connection closed without an answer: " + e.getMessage());
                }
            }
            return null;
        }
        return r;
    }

    synchronized void http(String kind, String what, ApiClient.Response r) {
        count(kind, r.status());
        if (r.status() >= 500) {
            violations.add(kind + " " + what + " → " + r.status() + " " + abbreviate(r.body()));
        } else if (r.status() >= 400) { // 414 and 431 from the HTTP codec too (InvalidRequests)
            String error = null;
            try {
                error = new JsonObject(r.body()).getString("error");
            } catch (RuntimeException e) {
                // not JSON: a violation below
            }
            if (error == null || error.isBlank()) {
                violations.add(kind + " " + what + " → " + r.status() + " without a JSON error: " + abbreviate(r.body()));
            }
        }
    }

    synchronized void stream(String kind, String what, int closeCode, List<Integer> expected) {
        count(kind, closeCode);
        if (!expected.contains(closeCode)) {
            violations.add(kind + " " + what + " → close " + closeCode + ", expected one of " + expected);
        }
    }

    synchronized void violation(String kind, String what) {
        count(kind, -1);
        violations.add(kind + " " + what);
    }

    private void count(String kind, int status) {
        counts.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    /** A Markdown table: kind, requests, answers by status. */
    synchronized String table() {
        StringBuilder b = new StringBuilder("| input | requests | answers (status or close code × count) |\n|---|---:|---|\n");
        counts.forEach((kind, byStatus) -> b.append("| ").append(kind).append(" | ")
                .append(byStatus.values().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                .append(String.join(", ", byStatus.entrySet().stream()
                        .map(e -> e.getKey() + " × " + e.getValue()).toList())).append(" |\n"));
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
