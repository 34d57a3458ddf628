package se.dikta.asr;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import se.dikta.settings.Settings;

/**
 * Transcription settings.
 *
 * @param model            the Vosk model directory ({@code asr.model})
 * @param maxStreams       concurrent live streams, also the number of decoding threads ({@code asr.maxStreams})
 * @param maxFileJobs      concurrent file transcriptions, decoded on their own threads ({@code asr.maxFileJobs})
 * @param maxUploadBytes   largest accepted WAV upload ({@code asr.maxUploadBytes})
 * @param inlineMaxSeconds uploads up to this much audio are answered inline, longer ones become jobs
 * @param maxFrameBytes    largest binary WebSocket frame; must stay below the server's frame limit
 * @param maxQueuedSeconds audio queued for one stream before its socket is paused (resumed at half)
 * @param idleTimeout      a stream that sends nothing this long is closed (it holds a decoding slot)
 * @param uploadDir        where long uploads are spooled until their job has decoded them
 * @param downloadUrl      when the model directory is missing, download the model archive from here in the
 *                         background ({@code asr.downloadUrl}; default: the Swedish model in demo mode,
 *                         nothing otherwise; {@code none} turns it off)
 * @param downloadSha256   refuse the downloaded archive unless its SHA-256 matches ({@code asr.downloadSha256})
 */
public record AsrConfig(
        Path model,
        int maxStreams,
        int maxFileJobs,
        long maxUploadBytes,
        double inlineMaxSeconds,
        int maxFrameBytes,
        double maxQueuedSeconds,
        Duration idleTimeout,
        Path uploadDir,
        Optional<URI> downloadUrl,
        Optional<String> downloadSha256) {

    public static final String DEFAULT_MODEL = "models/vosk/vosk-model-small-sv-rhasspy-0.15";
    public static final String DEFAULT_DOWNLOAD = "https://alphacephei.com/vosk/models/vosk-model-small-sv-rhasspy-0.15.zip";

    public static int defaultMaxStreams() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static AsrConfig from(Settings s, Path dataDir, boolean demo) {
        return new AsrConfig(
                s.path("asr.model", Path.of(DEFAULT_MODEL)),
                s.integer("asr.maxStreams", defaultMaxStreams(), 1, 1024),
                s.integer("asr.maxFileJobs", 1, 1, 64),
                s.longValue("asr.maxUploadBytes", 500L * 1024 * 1024, 1024, 64L * 1024 * 1024 * 1024),
                s.decimal("asr.inlineMaxSeconds", 60.0, 0, 24 * 3600),
                // below Vert.x's default WebSocket frame limit (64 KiB), so that we, not the codec, answer
                s.integer("asr.maxFrameBytes", 32 * 1024, 2, 65536),
                s.decimal("asr.maxQueuedSeconds", 2.0, 0.1, 600),
                s.duration("asr.idleTimeout", Duration.ofSeconds(30)),
                s.path("asr.uploadDir", dataDir.resolve("asr-uploads")),
                downloadUrl(s, demo),
                s.optionalString("asr.downloadSha256").map(h -> {
                    if (!h.matches("[0-9a-fA-F]{64}")) {
                        throw s.invalid("asr.downloadSha256", "expected 64 hexadecimal digits");
                    }
                    return h;
                }));
    }

    private static Optional<URI> downloadUrl(Settings s, boolean demo) {
        String value = s.optionalString("asr.downloadUrl").orElse(demo ? DEFAULT_DOWNLOAD : "none");
        if (value.isBlank() || value.equals("none")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw s.invalid("asr.downloadUrl", "expected an http(s) URL or none");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw s.invalid("asr.downloadUrl", "not a URL: " + e.getMessage());
        }
    }

    public AsrConfig {
        if (maxStreams < 1 || maxFileJobs < 1) {
            throw new IllegalArgumentException("asr.maxStreams and asr.maxFileJobs must be at least 1");
        }
    }
}
