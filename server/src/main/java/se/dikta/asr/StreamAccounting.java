package se.dikta.asr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.identity.AuthUser;

/**
 * What one live stream is credited with: its decoded audio and CPU seconds in the metrics as decoding goes, and
 * the audio seconds recorded on its draft. After {@code stop} the stop path records the whole recording; a socket
 * that drops is credited with the audio up to its last ack (the client re-sends the rest after resuming).
 */
final class StreamAccounting {

    private static final Logger LOG = LoggerFactory.getLogger(StreamAccounting.class);

    private final AsrMetrics metrics;
    private final DraftSink drafts;
    private final AuthUser user;
    private final DecodingProgress progress;
    private final AcknowledgedAudio acknowledged = new AcknowledgedAudio();
    private boolean audioRecorded;

    StreamAccounting(AsrMetrics metrics, DraftSink drafts, AuthUser user) {
        this.metrics = metrics;
        this.drafts = drafts;
        this.user = user;
        this.progress = new DecodingProgress(metrics, AsrMetrics.Source.STREAM);
    }

    void received(long seq, int samples) {
        acknowledged.received(seq, samples);
    }

    void acknowledged(long seq) {
        acknowledged.acknowledged(seq);
    }

    void decoded(DecodingQueue queue) {
        progress.report(queue);
    }

    /** {@code stop} arrived: the stop path records the whole recording, a later drop adds nothing. */
    void stopped() {
        audioRecorded = true;
    }

    /** The socket went without a completed stop: record the acknowledged audio on the draft, once. */
    void dropped(String noteId, int sampleRate) {
        if (audioRecorded || noteId == null || acknowledged.samples() == 0) {
            return;
        }
        audioRecorded = true;
        drafts.finish(user, noteId, acknowledged.samples() / (double) sampleRate)
                .onFailure(t -> LOG.warn("Audio seconds of a dropped stream not recorded: {}", t.toString()));
    }

    /** The recogniser has been freed: the stream's last figures. */
    void released(DecodingQueue queue) {
        progress.report(queue);
        metrics.finished(queue.audioSeconds(), queue.cpuSeconds());
        metrics.streamBacklog(queue.peakQueuedSeconds());
    }
}
