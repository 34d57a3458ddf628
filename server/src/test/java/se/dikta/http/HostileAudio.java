package se.dikta.http;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;

/**
 * Seeded hostile audio: random and truncated WAV headers, headers claiming gigabytes and every unsupported
 * sample format on {@code POST /api/transcriptions}; random bytes, odd lengths, huge frames, floods of text
 * frames and nested JSON on the live-dictation WebSocket. Every upload answers a 2xx or a 4xx with a JSON
 * error, every job ends, every hostile stream is closed by the server with a policy (1008) or size (1009)
 * close — never 1011, never left open.
 */
final class HostileAudio {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(20);
    private static final List<Integer> POLICY = List.of(1008, 1009, 1002, 1007);

    private final ApiClient worker;
    private final StreamClient streams;
    private final FuzzTally tally;
    private final List<String> jobs = new ArrayList<>();

    HostileAudio(ApiClient worker, StreamClient streams, FuzzTally tally) {
        this.worker = worker;
        this.streams = streams;
        this.tally = tally;
    }

    /** A WAV file: RIFF header, fmt chunk, data chunk; every size field as given (possibly lying). */
    static byte[] wav(int format, int channels, int rate, int bits, long riffSize, long dataSize, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt((int) riffSize).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * Math.max(1, channels) * Math.max(1, bits / 8)).putShort((short) (Math.max(1, channels) * bits / 8))
                .putShort((short) bits);
        b.put("data".getBytes()).putInt((int) dataSize).put(data);
        return b.array();
    }

    private static byte[] noise(Random rnd, int bytes) {
        byte[] pcm = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            pcm[i] = (byte) (rnd.nextInt(64) - 32);
        }
        return pcm;
    }

    /** One seeded hostile upload. */
    void upload(Random rnd) {
        byte[] pcm = noise(rnd, 2 * (1000 + rnd.nextInt(16_000)));
        byte[] valid = wav(1, 1, 16_000, 16, 36 + pcm.length, pcm.length, pcm);
        String kind;
        byte[] body;
        switch (rnd.nextInt(6)) {
            case 0 -> {
                body = java.util.Arrays.copyOf(valid, rnd.nextInt(60));
                kind = "wav:truncated-header";
            }
            case 1 -> {
                body = noise(rnd, rnd.nextInt(5000));
                rnd.nextBytes(body);
                if (rnd.nextBoolean() && body.length >= 12) {
                    System.arraycopy("RIFF".getBytes(), 0, body, 0, 4);
                    System.arraycopy("WAVE".getBytes(), 0, body, 8, 4);
                }
                kind = "wav:random-bytes";
            }
            case 2 -> {
                long claim = List.of(0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, 4_000_000_000L).get(rnd.nextInt(4));
                body = rnd.nextBoolean() ? wav(1, 1, 16_000, 16, claim, claim, pcm)
                        : wav(1, 1, 16_000, 16, 36 + pcm.length, claim, pcm);
                kind = "wav:claims-gigabytes";
            }
            case 3 -> {
                int format = List.of(0, 2, 3, 6, 7, 0x11, 0x55, 0xFFFE, 0xFFFF).get(rnd.nextInt(9));
                int bits = List.of(0, 4, 8, 12, 24, 32, 64).get(rnd.nextInt(7));
                body = wav(rnd.nextInt(3) == 0 ? 1 : format, 1, 16_000, rnd.nextInt(3) == 0 ? 16 : bits,
                        36 + pcm.length, pcm.length, pcm);
                kind = "wav:unsupported-format";
            }
            case 4 -> {
                int channels = List.of(0, 3, 8, 255, 65535).get(rnd.nextInt(5));
                int rate = List.of(0, 1, 7999, 48001, 96000, Integer.MAX_VALUE, -1).get(rnd.nextInt(7));
                body = wav(1, rnd.nextBoolean() ? channels : 1, rnd.nextBoolean() ? rate : 16_000, 16,
                        36 + pcm.length, pcm.length, pcm);
                kind = "wav:odd-channels-or-rate";
            }
            default -> {
                body = java.util.Arrays.copyOf(valid, valid.length - 1 - rnd.nextInt(Math.min(200, valid.length - 45)));
                if (rnd.nextBoolean()) {
                    body[12 + rnd.nextInt(32)] = (byte) rnd.nextInt(256);
                }
                kind = "wav:odd-length-or-flipped-byte";
            }
        }
        byte[] upload = body;
        ApiClient.Response r = tally.call(kind, body.length + " bytes", body.length,
                () -> worker.sendBytes("POST", "/api/transcriptions", upload, "audio/wav"));
        if (r != null && r.status() == 202) {
            jobs.add(r.json().getString("id"));
        }
    }

    /** Every job an upload started has ended (done or failed) within {@code wait}. */
    void awaitJobs(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (String id : jobs) {
            String status = "running";
            while (status.equals("running") && System.nanoTime() < deadline) {
                ApiClient.Response r = tally.call("wav:job", id, 0, () -> worker.get("/api/transcriptions/" + id));
                status = r != null && r.status() == 200 ? r.json().getString("status") : "gone";
                if (status.equals("running")) {
                    Thread.sleep(200);
                }
            }
            if (status.equals("running")) {
                tally.violation("wav:job", id + " still running after " + wait);
            }
        }
    }

    /** One seeded hostile stream. */
    void stream(Random rnd) {
        StreamClient.Connection c = streams.connect();
        String kind;
        List<Integer> expected = POLICY;
        try {
            switch (rnd.nextInt(8)) {
                case 0 -> {
                    kind = "ws:audio-before-start";
                    c.sendBinary(noise(rnd, 2 + 2 * rnd.nextInt(4000)));
                }
                case 1 -> {
                    kind = "ws:odd-length-frame";
                    c.start(16_000).sendBinary(noise(rnd, 1 + 2 * rnd.nextInt(4000)));
                }
                case 2 -> {
                    kind = "ws:huge-frame";
                    c.start(16_000).sendBinary(noise(rnd, 2 * (20_000 + rnd.nextInt(150_000))));
                }
                case 3 -> {
                    kind = "ws:random-text";
                    byte[] bytes = new byte[1 + rnd.nextInt(3000)];
                    rnd.nextBytes(bytes);
                    c.sendText(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                case 4 -> {
                    kind = "ws:text-flood";
                    String text = rnd.nextBoolean() ? new JsonObject().put("type", "start").put("sampleRate", 16_000).encode()
                            : "{\"type\":\"" + rnd.nextInt() + "\"}";
                    for (int i = 0; i < 2000 && !c.isClosed(); i++) {
                        c.sendText(text);
                    }
                }
                case 5 -> {
                    kind = "ws:nested-json";
                    int depth = 1000 + rnd.nextInt(10_000);
                    c.sendText("{\"type\":".repeat(depth) + "1" + "}".repeat(depth));
                }
                case 6 -> {
                    kind = "ws:bad-start";
                    Object odd = List.of("x".repeat(5000), "\u0000", 12, List.of(1), "../../etc/passwd").get(rnd.nextInt(5));
                    String field = List.of("noteId", "caseId", "template", "sampleRate", "resumeFrom").get(rnd.nextInt(5));
                    c.send(new JsonObject().put("type", "start").put("sampleRate", 16_000).put("caseId", "F-1").put(field, odd));
                    // a start that is still acceptable (resumeFrom 12) opens the stream: stop then ends it cleanly
                    expected = List.of(1000, 1008, 1009);
                    if (!c.isClosed()) {
                        c.stop();
                    }
                }
                default -> {
                    kind = "ws:noise-then-stop";
                    c.start(16_000);
                    for (int i = 0; i < 1 + rnd.nextInt(20); i++) {
                        c.sendBinary(noise(rnd, 3200));
                    }
                    c.stop();
                    expected = List.of(1000);
                }
            }
        } catch (RuntimeException e) {
            // the server closed the socket while we were still sending: that is the expected refusal
            kind = "ws:closed-while-sending";
        }
        short code;
        try {
            code = c.awaitClose(CLOSE_WAIT);
        } catch (AssertionError e) {
            tally.violation(kind, "not closed within " + CLOSE_WAIT);
            c.abandon();
            return;
        }
        tally.stream(kind, "", code, kind.equals("ws:closed-while-sending") ? List.of(1000, 1002, 1007, 1008, 1009) : expected);
    }
}
