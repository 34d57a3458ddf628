package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.structure.normalize.Spoken.written;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LawReferenceTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            paragraf sex lvm                                            | 6 § LVM
            paragraf två lvu                                            | 2 § LVU
            enligt fyra kapitlet ett paragrafen socialtjänstlagen       | enligt 4 kap. 1 § socialtjänstlagen
            enligt elva kapitlet ett paragrafen socialtjänstlagen       | enligt 11 kap. 1 § socialtjänstlagen
            fjärde kapitlet första paragrafen sol                       | 4 kap. 1 § SoL
            kapitel fyra paragraf ett                                   | 4 kap. 1 §
            paragraf fyra a                                             | 4 a §
            insats enligt paragraf nio lss                              | insats enligt 9 § LSS
            """)
    void writesChaptersAndSections(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sol    | SoL
            lvu    | LVU
            lvm    | LVM
            lss    | LSS
            placerad enligt lvu | placerad enligt LVU
            """)
    void writesLawAbbreviationsEvenStandingAlone(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paragrafen", "i fyra kapitel", "paragraf"})
    void leavesWordsWithoutANumberAlone(String spoken) {
        assertThat(written(spoken)).isEqualTo(spoken);
    }
}
