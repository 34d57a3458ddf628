package se.dikta.structure.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.dikta.structure.NoteStructurer;
import se.dikta.structure.StructuredNote;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.Transcript;

/** Surnames that are also everyday words: capitalised when the name finder sees a person, not otherwise. */
class CommonWordSurnameTest {

    private final NoteStructurer structurer = TrainedModels.structurer();

    private String write(String spoken) {
        StructuredNote note = structurer.structure(Transcript.of(spoken),
                TrainedModels.templates().find("journalanteckning").orElseThrow());
        return note.text();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            närvarande var pappa stefan berg och mamma lisa                | Närvarande var pappa Stefan Berg och mamma Lisa.
            mamma anna lind berättar att hon sover dåligt                  | Mamma Anna Lind berättar att hon sover dåligt.
            telefonsamtal med kuratorn maria holm på skolan                | Telefonsamtal med kuratorn Maria Holm på skolan.
            pappa johan strand säger att han arbetar natt                  | Pappa Johan Strand säger att han arbetar natt.
            familjen har varit på semester vid ett berg och en strand      | Familjen har varit på semester vid ett berg och en strand.
            """)
    void capitalisesCommonWordSurnamesOfPersons(String spoken, String written) {
        assertThat(write(spoken)).isEqualTo(written);
    }
}
