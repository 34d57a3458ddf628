package se.dikta.search;

import java.nio.file.Path;
import java.time.Duration;
import se.dikta.settings.Settings;

/**
 * Search settings.
 *
 * @param indexDir where the Lucene index lives ({@code search.indexDir}, default {@code DATA_DIR/index});
 *        local to each server node, never shared
 * @param pollInterval how often the indexer asks the database for changes made elsewhere (other nodes, the
 *        CLI) ({@code search.pollInterval}); changes made through this node are indexed at once
 * @param commitInterval how often indexed changes are made durable ({@code search.commitInterval}); a crash
 *        loses at most this much indexing work, which is redone from the database at start
 * @param defaultPageSize hits per page when the request does not say ({@code search.pageSize})
 * @param maxPageSize largest page a request may ask for ({@code search.maxPageSize})
 * @param maxResultWindow deepest hit reachable by paging ({@code search.maxResultWindow})
 */
public record SearchConfig(Path indexDir, Duration pollInterval, Duration commitInterval, int defaultPageSize,
        int maxPageSize, int maxResultWindow) {

    public static SearchConfig from(Settings s, Path dataDir) {
        Duration poll = s.duration("search.pollInterval", Duration.ofSeconds(1));
        if (poll.toMillis() < 10) {
            throw s.invalid("search.pollInterval", "must be at least 10 ms");
        }
        int maxPageSize = s.integer("search.maxPageSize", 100, 1, 1000);
        return new SearchConfig(
                s.path("search.indexDir", dataDir.resolve("index")).toAbsolutePath().normalize(),
                poll,
                s.duration("search.commitInterval", Duration.ofSeconds(10)),
                s.integer("search.pageSize", 20, 1, maxPageSize),
                maxPageSize,
                s.integer("search.maxResultWindow", 10_000, maxPageSize, 1_000_000));
    }
}
