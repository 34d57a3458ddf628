package se.dikta.asr;

/** Reports a decoding queue's audio and CPU seconds to the metrics as they grow, each second once. */
final class DecodingProgress {

    private final AsrMetrics metrics;
    private final AsrMetrics.Source source;
    private double reportedAudio;
    private double reportedCpu;

    DecodingProgress(AsrMetrics metrics, AsrMetrics.Source source) {
        this.metrics = metrics;
        this.source = source;
    }

    void report(DecodingQueue queue) {
        double audio = queue.audioSeconds();
        double cpu = queue.cpuSeconds();
        metrics.decoded(source, audio - reportedAudio, cpu - reportedCpu);
        reportedAudio = audio;
        reportedCpu = cpu;
    }
}
