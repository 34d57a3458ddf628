package se.dikta.structure.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PosLexiconTest {

    private static final List<List<String>> TOKENS = List.of(List.of(
            "hon", "arbetade", "PUNKT", "han", "cyklade", "KOMMA", "de", "spelade", "och", "badade", "i", "huset",
            "PUNKT", "vi", "målade", "bilen", "och", "skrev", "på", "listan", "PUNKT", "han", "städade", "PUNKT"));
    private static final List<List<String>> TAGS = List.of(List.of(
            "PRON", "VERB", "CMD", "PRON", "VERB", "CMD", "PRON", "VERB", "CCONJ", "VERB", "ADP", "NOUN",
            "CMD", "PRON", "VERB", "NOUN", "CCONJ", "VERB", "ADP", "NOUN", "CMD", "PRON", "VERB", "CMD"));
    private static final Set<String> FINITE = Set.of("arbetade", "cyklade", "spelade", "badade", "målade", "skrev",
            "städade");

    @Test
    void givesAKnownWordItsUsualTagAndAFiniteVerbItsOwn() {
        PosLexicon lexicon = PosLexicon.learn(TOKENS, TAGS, FINITE);
        assertThat(lexicon.of("hon")).isEqualTo("PRON");
        assertThat(lexicon.of("huset")).isEqualTo("NOUN");
        assertThat(lexicon.of("skrev")).isEqualTo(PosLexicon.FINITE);
    }

    @Test
    void guessesAnUnknownWordByItsEndingAndNeverTagsACommand() {
        PosLexicon lexicon = PosLexicon.learn(TOKENS, TAGS, FINITE);
        assertThat(lexicon.of("dammsugade")).isEqualTo(PosLexicon.FINITE); // "-ade", like six finite verbs
        assertThat(lexicon.of("punkt")).isEqualTo("UNK");
        assertThat(lexicon.of("xyz")).isEqualTo("UNK");
        assertThat(PosLexicon.EMPTY.of("hon")).isEqualTo("UNK");
    }
}
