package se.dikta.asr;

import java.util.ArrayList;
import java.util.List;

/** Frames that arrived while a stream's draft and recogniser were being set up, replayed in order once they are. */
final class EarlyFrames {

    private final List<short[]> frames = new ArrayList<>();

    void add(short[] samples) {
        frames.add(samples);
    }

    /** Offers the held frames to {@code queue}; {@code lastSeq} is the number of the newest one. */
    void replay(DecodingQueue queue, long lastSeq) {
        long first = lastSeq - frames.size();
        for (int i = 0; i < frames.size(); i++) {
            short[] s = frames.get(i);
            queue.offer(s, s.length, first + i + 1);
        }
        frames.clear();
    }
}
