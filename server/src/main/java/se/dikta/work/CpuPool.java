package se.dikta.work;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * A bounded pool of its own for one kind of CPU-bound work (password hashing, structuring, search, report
 * rendering), sized from the cores. Separate pools keep a burst of one kind (say, sign-ins at nine o'clock)
 * from delaying the others, and keep all of them off Vert.x's shared worker pool, which blocking I/O uses.
 */
public final class CpuPool {

    private CpuPool() {}

    /** The pool named {@code dikta-<kind>} on this Vert.x instance, one thread per core. */
    public static WorkerExecutor create(Vertx vertx, String kind) {
        return vertx.createSharedWorkerExecutor("dikta-" + kind, threads());
    }

    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
