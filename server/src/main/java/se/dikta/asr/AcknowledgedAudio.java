package se.dikta.asr;

import java.util.ArrayDeque;

/**
 * How much of a stream's audio the client has had acknowledged: frames are counted as they arrive and
 * become acknowledged when an {@code ack} covering their number is sent. A socket that drops without
 * {@code stop} is credited with exactly this much audio (the client re-sends the rest after resuming).
 */
final class AcknowledgedAudio {

    /** {seq, samples received up to and including that frame} of frames not yet acknowledged. */
    private final ArrayDeque<long[]> unacked = new ArrayDeque<>();
    private long receivedSamples;
    private long ackedSamples;

    void received(long seq, int samples) {
        receivedSamples += samples;
        unacked.addLast(new long[] {seq, receivedSamples});
    }

    void acknowledged(long upToSeq) {
        while (!unacked.isEmpty() && unacked.peekFirst()[0] <= upToSeq) {
            ackedSamples = unacked.pollFirst()[1];
        }
    }

    long samples() {
        return ackedSamples;
    }
}
