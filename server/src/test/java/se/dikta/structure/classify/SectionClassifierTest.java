package se.dikta.structure.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.corpus.CorpusNote;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.corpus.SectionCorpus;

class SectionClassifierTest {

    private static List<CorpusNote> fixture() throws Exception {
        return SectionCorpus.read(new DirectoryCorpusSource(TrainedModels.fixtureCorpus())).notes();
    }

    @Test
    void trainsDeterministicallyAndSurvivesSerialisation() throws Exception {
        SectionClassifier first = SectionClassifier.train(fixture());
        SectionClassifier second = SectionClassifier.train(fixture());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.write(bytes);
        SectionClassifier read = SectionClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));
        List<String> words = List.of("pappa", "berättar", "att", "skolan", "har", "ringt");
        assertThat(second.probabilities(words, 3, 8)).containsExactly(first.probabilities(words, 3, 8));
        assertThat(read.probabilities(words, 3, 8)).containsExactly(first.probabilities(words, 3, 8));
    }

    @Test
    void givesAProbabilityPerKeyThatSumsToOne() throws Exception {
        double[] p = SectionClassifier.train(fixture()).probabilities(List.of("nästa", "möte", "bokas"), 7, 8);
        assertThat(p).hasSize(SectionKey.values().length);
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(p[SectionKey.PLANERING.ordinal()]).isGreaterThan(p[SectionKey.KONTAKT.ordinal()]);
    }

    @Test
    void featuresShareSwedishStemsAndCarryThePosition() {
        SectionFeatures features = new SectionFeatures();
        var first = features.extractFeatures(new String[] {"hon", "bedömer"},
                Map.of(SectionFeatures.POSITION, SectionFeatures.Position.FIRST.name()));
        var other = features.extractFeatures(new String[] {"bedöm"}, Map.of());
        var inflected = features.extractFeatures(new String[] {"bedömningen"}, Map.of());
        assertThat(first).contains("w=hon", "w=bedömer", "b=hon_bedömer", "f=hon", "pos=FIRST");
        assertThat(first.stream().filter(f -> f.startsWith("s=")).toList())
                .containsAnyElementsOf(other.stream().filter(f -> f.startsWith("s=")).toList());
        assertThat(inflected).contains("s=bedömning");
    }
}
