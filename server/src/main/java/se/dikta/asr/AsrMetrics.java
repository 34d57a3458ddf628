package se.dikta.asr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Transcription meters: active streams, audio seconds and decoding CPU seconds (their ratio is the
 * real-time factor over any interval), the real-time factor per stream or file, refused streams.
 */
final class AsrMetrics {

    private final Counter streamAudio;
    private final Counter fileAudio;
    private final Counter streamCpu;
    private final Counter fileCpu;
    private final DistributionSummary realTimeFactor;
    private final Counter refused;
    private final DistributionSummary queuedPeak;

    AsrMetrics(MeterRegistry registry, StreamSlots slots) {
        Gauge.builder("dikta.asr.streams.active", slots, StreamSlots::active)
                .description("Live transcription streams in progress").register(registry);
        streamAudio = audio(registry, "stream");
        fileAudio = audio(registry, "file");
        streamCpu = cpu(registry, "stream");
        fileCpu = cpu(registry, "file");
        realTimeFactor = DistributionSummary.builder("dikta.asr.real.time.factor")
                .description("Decoding CPU seconds per audio second, per stream or file")
                .publishPercentiles(0.5, 0.95).register(registry);
        refused = Counter.builder("dikta.asr.streams.refused")
                .description("Streams refused because every decoding slot was taken").register(registry);
        queuedPeak = DistributionSummary.builder("dikta.asr.queued.peak.seconds")
                .description("Most audio seconds one stream had waiting for decoding at once (asr.maxQueuedSeconds "
                        + "bounds it by pausing the socket)").register(registry);
    }

    private static Counter audio(MeterRegistry registry, String source) {
        return Counter.builder("dikta.asr.audio.seconds").tag("source", source)
                .description("Audio seconds transcribed").register(registry);
    }

    private static Counter cpu(MeterRegistry registry, String source) {
        return Counter.builder("dikta.asr.decode.cpu.seconds").tag("source", source)
                .description("CPU seconds spent decoding").register(registry);
    }

    enum Source { STREAM, FILE }

    /** Audio and CPU seconds of one decoded batch, counted as they happen so that /metrics stays current. */
    void decoded(Source source, double audioSeconds, double cpuSeconds) {
        (source == Source.STREAM ? streamAudio : fileAudio).increment(audioSeconds);
        (source == Source.STREAM ? streamCpu : fileCpu).increment(cpuSeconds);
    }

    /** A stream or file is done: its overall real-time factor. */
    void finished(double audioSeconds, double cpuSeconds) {
        if (audioSeconds > 0) {
            realTimeFactor.record(cpuSeconds / audioSeconds);
        }
    }

    /** A stream is done: the high point of its decoding backlog. */
    void streamBacklog(double peakQueuedSeconds) {
        queuedPeak.record(peakQueuedSeconds);
    }

    void refused() {
        refused.increment();
    }
}
