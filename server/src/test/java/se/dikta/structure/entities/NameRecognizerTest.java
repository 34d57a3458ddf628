package se.dikta.structure.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.corpus.DirectoryCorpusSource;

class NameRecognizerTest {

    private final NameRecognizer names = TrainedModels.models().names();

    private static List<String> found(List<String> words, List<NameSpan> spans) {
        return spans.stream().map(s -> s.category() + ":" + String.join(" ", words.subList(s.from(), s.to())))
                .toList();
    }

    @Test
    void findsPeopleOrganisationsAndPlacesInRecogniserWords() {
        List<String> words = List.of("handläggaren ringde till kenan och hans mamma samira i botkyrka".split(" "));
        names.startNote();
        assertThat(found(words, names.find(words))).contains("PERSON:kenan", "PERSON:samira", "PLACE:botkyrka");
        List<String> more = List.of("familjen har kontakt med bup och försäkringskassan".split(" "));
        assertThat(found(more, names.find(more))).contains("ORGANIZATION:bup", "ORGANIZATION:försäkringskassan");
    }

    @Test
    void givesTheSameAnswerOnManyThreadsAtOnce() throws Exception {
        List<String> words = List.of("mamma samira och kenan har kontakt med bup i botkyrka".split(" "));
        names.startNote();
        List<NameSpan> expected = names.find(words);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<NameSpan>>> results = pool.invokeAll(Collections.nCopies(200, () -> {
                names.startNote();
                return names.find(words);
            }));
            for (Future<List<NameSpan>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEntityCorpusGivesDocumentsAndOrdinaryWords() throws Exception {
        EntityCorpus corpus = EntityCorpus.read(new DirectoryCorpusSource(TrainedModels.fixtureCorpus()));
        assertThat(corpus.samples()).hasSize(8);
        assertThat(corpus.documents()).hasSize(2);
        assertThat(corpus.documents().get(0).get(0)).containsExactly("ella", "sover", "dåligt", "enligt", "mamma");
        assertThat(corpus.ordinaryWords()).contains("sover", "mamma", "kontoret").doesNotContain("ella", "bup");
    }
}
