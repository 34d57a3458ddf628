package se.dikta.search;

import io.vertx.core.Future;
import se.dikta.health.HealthContributor;

/**
 * {@code "index"} in {@code /health}: "UP", or the indexer's state. A rebuild does not make the service
 * down (notes and dictation work; search answers 503), a failed index does.
 */
public final class IndexHealth implements HealthContributor {

    private final NoteIndexer indexer;

    public IndexHealth(NoteIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public Future<Health> check() {
        NoteIndexer.State state = indexer.state();
        return Future.succeededFuture(new Health(state != NoteIndexer.State.FAILED, state.name()));
    }
}
