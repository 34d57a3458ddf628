package se.dikta.asr;

import java.nio.file.Path;
import java.time.Duration;
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
        Path uploadDir) {

    public static final String DEFAULT_MODEL = "models/vosk/vosk-model-small-sv-rhasspy-0.15";

    public static int defaultMaxStreams() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static AsrConfig from(Settings s, Path dataDir) {
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
                s.path("asr.uploadDir", dataDir.resolve("asr-uploads")));
    }

    public AsrConfig {
        if (maxStreams < 1 || maxFileJobs < 1) {
            throw new IllegalArgumentException("asr.maxStreams and asr.maxFileJobs must be at least 1");
        }
    }
}
