package se.dikta.structure.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.corpus.SectionCorpus;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

class BoundaryModelTest {

    private static List<List<List<String>>> fixtureRuns() throws Exception {
        SectionCorpus corpus = SectionCorpus.read(new DirectoryCorpusSource(TrainedModels.fixtureCorpus()));
        return corpus.notes().stream().map(n -> n.sentences().stream().map(s -> s.words()).toList()).toList();
    }

    private static BoundaryFeatures features() {
        return new BoundaryFeatures(new WordClasses(new NumberWords(new SpokenNumberNormalizer()),
                Set.of("säger", "berättar"), Set.of("ella"), Set.of("berg")));
    }

    @Test
    void trainsTheSameModelFromTheSameData() throws Exception {
        BoundaryModel first = BoundaryModel.train(fixtureRuns(), features());
        BoundaryModel second = BoundaryModel.train(fixtureRuns(), features());
        List<String> words = List.of("mamma", "berättar", "att", "ella", "sover", "pappa", "säger", "nej");
        for (int i = 0; i + 1 < words.size(); i++) {
            assertThat(second.probability(words, i, i + 1)).isEqualTo(first.probability(words, i, i + 1));
        }
    }

    @Test
    void survivesWritingAndReading() throws Exception {
        BoundaryModel model = BoundaryModel.train(fixtureRuns(), features());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        BoundaryModel read = BoundaryModel.read(new ByteArrayInputStream(bytes.toByteArray()), features());
        List<String> words = List.of("kuratorn", "uppger", "att", "pojken", "har", "hög", "frånvaro", "hon");
        assertThat(read.probability(words, 6, 7)).isEqualTo(model.probability(words, 6, 7));
    }

    @Test
    void keepsBothTheModelOfAllTextAndTheNotesModelThroughWritingAndReading() throws Exception {
        List<List<List<String>>> runs = fixtureRuns();
        BoundaryModel model = BoundaryModel.train(runs, runs.subList(0, runs.size() / 2), features());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        BoundaryModel read = BoundaryModel.read(new ByteArrayInputStream(bytes.toByteArray()), features());
        List<String> words = List.of("kuratorn", "uppger", "att", "pojken", "har", "hög", "frånvaro", "hon");
        assertThat(read.probability(words, 6, 7)).isEqualTo(model.probability(words, 6, 7));
        assertThat(read.forNotes().probability(words, 6, 7)).isEqualTo(model.forNotes().probability(words, 6, 7))
                .isNotEqualTo(model.probability(words, 6, 7));
    }

    @Test
    void theTrainedModelSeparatesASentenceEndFromTheMiddleOfAClause() {
        BoundaryModel model = TrainedModels.models().boundaries();
        List<String> words = List.of("mamma", "berättar", "att", "hon", "sover", "dåligt", "pappa", "säger", "att",
                "skolan", "har", "ringt");
        assertThat(model.probability(words, 5, 6)).isGreaterThan(0.5);
        assertThat(model.probability(words, 2, 3)).isLessThan(0.1);
    }
}
