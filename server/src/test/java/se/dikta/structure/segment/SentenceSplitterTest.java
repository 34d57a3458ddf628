package se.dikta.structure.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.commands.CommandParser;
import se.dikta.structure.commands.HeadingVocabulary;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.core.Transcript.TimeSpan;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

class SentenceSplitterTest {

    private final CommandParser parser = new CommandParser(new HeadingVocabulary(Map.of()),
            new NumberWords(new SpokenNumberNormalizer()), TrainedModels.models().commands());
    private final SentenceSplitter splitter = new SentenceSplitter(TrainedModels.models().boundaries(), 1.0);

    private Segmentation split(Transcript transcript) {
        return splitter.split(transcript, parser.parse(transcript));
    }

    private static List<String> texts(List<SpokenSentence> sentences) {
        return sentences.stream().map(s -> String.join(" ", s.words())).toList();
    }

    @Test
    void findsSentenceEndsWithoutCommandsOrTimes() {
        Segmentation s = split(Transcript.of(
                "mamma berättar att hon sover dåligt pappa säger att skolan har ringt flera gånger"
                        + " nästa hembesök bokas i april"));
        assertThat(texts(s.sentences())).containsExactly(
                "mamma berättar att hon sover dåligt",
                "pappa säger att skolan har ringt flera gånger",
                "nästa hembesök bokas i april");
        assertThat(s.sentences()).allSatisfy(sentence -> assertThat(sentence.dictatedTerminator()).isEmpty());
    }

    @Test
    void aLongPauseEndsASentenceAndKeepsTheWordTimesTraceable() {
        List<String> words = List.of("hon", "sover", "dåligt", "om", "nätterna");
        List<TimeSpan> times = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < words.size(); i++) {
            times.add(new TimeSpan(t, t + 0.3));
            t += i == 2 ? 2.0 : 0.35;
        }
        Segmentation s = split(new Transcript(words, times));
        assertThat(texts(s.sentences())).containsExactly("hon sover dåligt", "om nätterna");
        assertThat(s.sentences().get(1).from()).isEqualTo(3);
        assertThat(s.sentences().get(1).to()).isEqualTo(5);
    }

    @Test
    void dictatedMarksEndSentencesAndCommasNeverDo() {
        Segmentation s = split(Transcript.of("mamma komma pappa och barnen var hemma punkt var de hemma frågetecken"));
        assertThat(texts(s.sentences())).containsExactly("mamma pappa och barnen var hemma", "var de hemma");
        assertThat(s.sentences().get(0).marks().get(0)).isEqualTo(",");
        assertThat(s.sentences().get(0).dictatedTerminator()).contains(".");
        assertThat(s.sentences().get(1).dictatedTerminator()).contains("?");
        assertThat(s.sentences().get(0).wordIndices()).containsExactly(0, 2, 3, 4, 5, 6);
    }

    @Test
    void layoutCommandsBreakAndAreRemembered() {
        Segmentation s = split(Transcript.of("mamma ringde ny rad pappa ringde nytt stycke barnen ringde"));
        assertThat(texts(s.sentences())).containsExactly("mamma ringde", "pappa ringde", "barnen ringde");
        assertThat(s.sentences()).extracting(SpokenSentence::layout)
                .containsExactly(Layout.NONE, Layout.LINE, Layout.PARAGRAPH);
    }

    @Test
    void aHeadingForcesTheSectionOfTheFollowingSentencesUntilTheNext() {
        Segmentation s = split(Transcript.of("mamma berättar om skolan rubrik bedömning familjen behöver stöd punkt"
                + " situationen är ohållbar rubrik planering nytt möte bokas"));
        assertThat(s.sentences()).extracting(SpokenSentence::heading)
                .containsExactly(null, SectionKey.BEDOMNING, SectionKey.BEDOMNING, SectionKey.PLANERING);
    }

    @Test
    void correctionsRemoveTheSentenceBeforeThem() {
        Segmentation s = split(Transcript.of("mamma sover dåligt punkt pappa är arg radera senaste meningen"
                + " pappa är lugn punkt barnen leker nej stryk det"));
        assertThat(texts(s.sentences())).containsExactly("mamma sover dåligt", "pappa är lugn");
        assertThat(texts(s.removed())).containsExactly("pappa är arg", "barnen leker");
    }

    @Test
    void neverCutsInsideASpokenNumberOrBetweenFirstNameAndSurname() {
        Segmentation s = split(Transcript.of("hon nås på noll sju två tre fyra sex åtta ett tre fem"
                + " rami haddad berättar att två pojkar har gripits"));
        assertThat(texts(s.sentences())).anySatisfy(t -> assertThat(t).contains("noll sju två tre fyra sex åtta ett tre fem"));
        assertThat(texts(s.sentences())).anySatisfy(t -> assertThat(t).contains("rami haddad"));
    }
}
