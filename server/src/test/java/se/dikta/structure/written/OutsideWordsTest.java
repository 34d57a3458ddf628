package se.dikta.structure.written;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.dikta.structure.NoteStructurer;
import se.dikta.structure.StructuredNote;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.template.Template;

/** Names and common words from the Swedish word lists (lexicon/sv-proper-nouns.txt, words/common-words.txt). */
class OutsideWordsTest {

    private final NoteStructurer structurer = TrainedModels.structurer();

    private String write(String spoken) {
        StructuredNote note = structurer.structure(Transcript.of(spoken),
                TrainedModels.templates().find(Template.DEFAULT_ID).orElseThrow());
        return note.text();
    }

    @Test
    void writesCountriesAcronymsAndAuthoritiesWithCapitals() {
        assertThat(write("familjen kom till sverige från indien via usa förra året"))
                .contains("Sverige", "Indien", "USA");
        assertThat(write("hon har kontakt med skolverket och region halland"))
                .contains("Skolverket", "Region Halland");
    }

    @Test
    void leavesCommonWordsThatEndLikeStreetsInLowerCase() {
        String text = write("hon ser ingen utväg och tar ingen genväg men hon bor kvar på storgatan");
        assertThat(text).contains("utväg", "genväg", "Storgatan");
    }
}
