package se.dikta.asr;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts live streams across all event loops; a stream holds its slot from upgrade until its recogniser is freed. */
final class StreamSlots {

    private final int max;
    private final AtomicInteger active = new AtomicInteger();

    StreamSlots(int max) {
        this.max = max;
    }

    boolean tryAcquire() {
        while (true) {
            int n = active.get();
            if (n >= max) {
                return false;
            }
            if (active.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        active.decrementAndGet();
    }

    int active() {
        return active.get();
    }
}
