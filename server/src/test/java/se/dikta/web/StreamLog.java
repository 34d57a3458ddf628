package se.dikta.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the dictation page's WebSockets received, recorded in the page by a wrapper the test installs
 * around {@code WebSocket} (the page's own code is unchanged). From it follows which words the server
 * acknowledged: on each connection the finals up to the last {@code ack} it sent (after {@code done}: all).
 * Recognition noise (a glitch heard as a word) is then part of what was acknowledged, so the check "every
 * acknowledged word in the draft exactly once" does not depend on a perfect recogniser.
 */
final class StreamLog {

    private StreamLog() {
    }

    /** Installs the recorder; call on the loaded page before recording starts. */
    static void install(PageFixture f) {
        install(f.browser);
    }

    static void install(org.openqa.selenium.WebDriver browser) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "if (window.__ws) return; window.__ws = []; const Real = window.WebSocket;"
                + "function Recorded(url, protocols) {"
                + "  const ws = protocols === undefined ? new Real(url) : new Real(url, protocols);"
                + "  const log = []; window.__ws.push(log); (window.__sockets = window.__sockets || []).push(ws);"
                + "  ws.addEventListener('open', () => log.push({ type: 'opened' }));"
                + "  ws.addEventListener('message', (e) => { if (typeof e.data === 'string') log.push(JSON.parse(e.data)); });"
                + "  return ws; }"
                + "Recorded.prototype = Real.prototype;"
                + "['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach((k) => { Recorded[k] = Real[k]; });"
                + "window.WebSocket = Recorded;");
    }

    /** Whether a socket of the page has opened (the page's own open handler has run by the time this is seen). */
    static boolean opened(org.openqa.selenium.WebDriver browser) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return (window.__ws || []).some((log) => log.some((m) => m.type === 'opened'));"));
    }

    /** The words of every final the server acknowledged, over all connections, in order. */
    @SuppressWarnings("unchecked")
    static List<String> acknowledgedWords(org.openqa.selenium.WebDriver browser) {
        List<List<Map<String, Object>>> connections = (List<List<Map<String, Object>>>)
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__ws;");
        List<String> words = new ArrayList<>();
        for (List<Map<String, Object>> messages : connections) {
            boolean done = messages.stream().anyMatch(m -> "done".equals(m.get("type")));
            long lastAck = messages.stream().filter(m -> "ack".equals(m.get("type")))
                    .mapToLong(m -> ((Number) m.get("seq")).longValue()).max().orElse(0);
            for (Map<String, Object> m : messages) {
                if ("final".equals(m.get("type")) && (done || ((Number) m.get("seq")).longValue() <= lastAck)) {
                    for (String w : String.valueOf(m.get("text")).split(" ")) {
                        if (!w.isBlank()) {
                            words.add(w);
                        }
                    }
                }
            }
        }
        return words;
    }
}
