package se.dikta.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * A live-dictation client for tests: connects to {@code /api/asr/stream} with a session cookie, sends
 * the protocol's messages and audio, and records every message with its arrival time (blocking API).
 */
public final class StreamClient implements AutoCloseable {

    /** A server message and when it arrived (System.nanoTime). */
    public record Message(JsonObject json, long nanos) {
        public String type() {
            return json.getString("type");
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client;
    private final int port;
    private final String sessionCookie;
    private final boolean ssl;
    private String csrfToken;

    /** A client for a signed-in API client's session: its session cookie, and its CSRF token in every start. */
    public StreamClient(int port, ApiClient signedIn) {
        this(port, signedIn, null);
    }

    /** Over TLS ({@code wss:}) when {@code trustedCertPem} is given, for a signed-in API client's session. */
    public StreamClient(int port, ApiClient signedIn, java.nio.file.Path trustedCertPem) {
        this(port, signedIn.cookie("DIKTA_SESSION"), trustedCertPem);
        this.csrfToken = signedIn.cookie("XSRF-TOKEN");
    }

    /** A client with only a session cookie: its start messages carry no CSRF token unless {@link #withCsrf} gives one. */
    public StreamClient(int port, String sessionCookie) {
        this(port, sessionCookie, null);
    }

    /** Over TLS ({@code wss:}) when {@code trustedCertPem} is given: the test's own certificate is trusted. */
    public StreamClient(int port, String sessionCookie, java.nio.file.Path trustedCertPem) {
        this.port = port;
        this.sessionCookie = sessionCookie;
        this.ssl = trustedCertPem != null;
        io.vertx.core.http.WebSocketClientOptions options = new io.vertx.core.http.WebSocketClientOptions();
        if (ssl) {
            options.setSsl(true).setTrustOptions(new io.vertx.core.net.PemTrustOptions()
                    .addCertPath(trustedCertPem.toString())).setVerifyHost(false);
        }
        this.client = vertx.createWebSocketClient(options);
    }

    /** Puts this token into every start message that does not name one itself (null: none). */
    public StreamClient withCsrf(String token) {
        this.csrfToken = token;
        return this;
    }

    public Connection connect() {
        return connect((ssl ? "https" : "http") + "://127.0.0.1:" + port);
    }

    /** Connects sending {@code origin} (null: no Origin header, like a non-browser client). */
    public Connection connect(String origin) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/api/asr/stream").setSsl(ssl).addHeader("Cookie", "DIKTA_SESSION=" + sessionCookie);
        if (origin != null) {
            options.addHeader("Origin", origin);
        } else {
            options.setAllowOriginHeader(false); // Vert.x would otherwise send one of its own
        }
        ClientWebSocket ws = client.webSocket();
        Connection connection = new Connection(ws, csrfToken); // handlers first: the server may speak at once
        ws.connect(options).await();
        return connection;
    }

    /** The HTTP status a refused upgrade answered with. */
    public int rejectedStatus(String origin) {
        try {
            connect(origin).ws.close();
            return 101;
        } catch (UpgradeRejectedException e) {
            return e.getStatus();
        }
    }

    @Override
    public void close() {
        vertx.close().await();
    }

    /** One WebSocket. */
    public static final class Connection {
        private final WebSocket ws;
        private final String csrfToken;
        private final List<Message> messages = new ArrayList<>();
        private final CompletableFuture<Short> closed = new CompletableFuture<>();
        private long stopSentAt = Long.MAX_VALUE;
        private final List<Long> frameSentAt = new ArrayList<>();

        Connection(WebSocket ws, String csrfToken) {
            this.ws = ws;
            this.csrfToken = csrfToken;
            ws.textMessageHandler(text -> {
                synchronized (messages) {
                    messages.add(new Message(new JsonObject(text), System.nanoTime()));
                    messages.notifyAll();
                }
            });
            ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
            ws.pongHandler(data -> {
                synchronized (messages) {
                    pongs++;
                    messages.notifyAll();
                }
            });
        }

        private int pongs;

        /**
         * A ping answered by the server: everything the server wrote to this socket before it read the ping has
         * arrived (one connection, in order) once this returns.
         */
        public Connection roundTrip(Duration timeout) {
            int before;
            synchronized (messages) {
                before = pongs;
            }
            ws.writePing(Buffer.buffer("rt")).await();
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (messages) {
                while (pongs == before) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no pong within " + timeout);
                    }
                    try {
                        messages.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
            }
            return this;
        }

        public Connection start(int sampleRate) {
            return send(new JsonObject().put("type", "start").put("sampleRate", sampleRate));
        }

        /** Sends a message; a start message gets the client's CSRF token unless it has a {@code csrf} of its own. */
        public Connection send(JsonObject message) {
            if ("start".equals(message.getValue("type")) && !message.containsKey("csrf") && csrfToken != null) {
                message = message.copy().put("csrf", csrfToken);
            }
            ws.writeTextMessage(message.encode()).await();
            return this;
        }

        /** Sends any text frame (not necessarily JSON), for tests of what the server refuses. */
        public Connection sendText(String text) {
            ws.writeTextMessage(text).await();
            return this;
        }

        /** True once the server (or the client) closed the socket. */
        public boolean isClosed() {
            return closed.isDone();
        }

        public Connection sendBinary(byte[] frame) {
            synchronized (frameSentAt) {
                frameSentAt.add(System.nanoTime());
            }
            ws.writeBinaryMessage(Buffer.buffer(frame)).await();
            return this;
        }

        /**
         * Sends mono PCM in frames of {@code frameMillis}; {@code speed} 1.0 paces them in real time,
         * 0 sends as fast as the socket takes them.
         */
        public Connection sendAudio(ToneAudio audio, int frameMillis, double speed) {
            byte[] pcm = audio.pcm();
            int frameBytes = audio.sampleRate() * frameMillis / 1000 * 2 * audio.channels();
            long start = System.nanoTime();
            for (int off = 0, i = 0; off < pcm.length; off += frameBytes, i++) {
                if (speed > 0) {
                    long due = start + (long) (i * frameMillis * 1_000_000L / speed);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                }
                sendBinary(java.util.Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + frameBytes)));
            }
            return this;
        }

        public Connection stop() {
            stopSentAt = System.nanoTime();
            return send(new JsonObject().put("type", "stop"));
        }

        /** Goes away mid-stream without sending stop, like a closed browser tab. */
        public void abandon() {
            ws.close((short) 1001).await();
        }

        public short awaitClose(Duration timeout) {
            try {
                return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("the server did not close the stream within " + timeout, e);
            }
        }

        /** Waits for a message matching {@code test}. */
        public Message await(Predicate<JsonObject> test, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (messages) {
                while (true) {
                    for (Message m : messages) {
                        if (test.test(m.json())) {
                            return m;
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no matching message within " + timeout + "; got " + messages);
                    }
                    try {
                        messages.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
            }
        }

        public Message awaitType(String type, Duration timeout) {
            return await(m -> type.equals(m.getString("type")), timeout);
        }

        public List<Message> messages() {
            synchronized (messages) {
                return List.copyOf(messages);
            }
        }

        public List<JsonObject> ofType(String type) {
            return messages().stream().filter(m -> type.equals(m.type())).map(Message::json).toList();
        }

        public long stopSentAt() {
            return stopSentAt;
        }

        /** When frame {@code seq} (1-based) was handed to the socket. */
        public long frameSentAt(long seq) {
            synchronized (frameSentAt) {
                return frameSentAt.get((int) seq - 1);
            }
        }

        private static void sleepNanos(long nanos) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
