package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a benchmark run split by model variant, or of one table alone, merges into the previous "asr" section. */
class AsrBenchReportMergeTest {

    private static final String PREVIOUS = """
            ## asr

            | model | cost |
            | --- | --- |
            | tone | 1 |
            | light | 2 |
            | heavy | 4 |

            | model | latency |
            | --- | --- |
            | tone | 10 |
            | heavy | 40 |
            """;

    @Test
    void aTableKeepsThePreviousRowsOfModelsTheRunDidNotMeasureForIt() {
        String fresh = """
                ## asr

                | model | cost |
                | --- | --- |

                | model | latency |
                | --- | --- |
                | heavy | 41 |
                """;

        assertThat(AsrBenchReport.merge(fresh, PREVIOUS)).isEqualTo("""
                ## asr

                | model | cost |
                | --- | --- |
                | tone | 1 |
                | light | 2 |
                | heavy | 4 |

                | model | latency |
                | --- | --- |
                | tone | 10 |
                | heavy | 41 |
                """);
    }

    @Test
    void aTableWhoseHeaderChangedHasOnlyTheFreshRows() {
        String fresh = """
                ## asr

                | model | cost |
                | --- | --- |
                | medium | 3 |

                | model | latency | load |
                | --- | --- | --- |
                | heavy | 41 | 9 |
                """;

        assertThat(AsrBenchReport.merge(fresh, PREVIOUS)).isEqualTo("""
                ## asr

                | model | cost |
                | --- | --- |
                | tone | 1 |
                | light | 2 |
                | medium | 3 |
                | heavy | 4 |

                | model | latency | load |
                | --- | --- | --- |
                | heavy | 41 | 9 |
                """);
    }
}
