package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.structure.normalize.Spoken.written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityNormalizationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sju tusen åtta hundra kronor i månaden     | 7 800 kronor i månaden
            fem hundra kronor                          | 500 kronor
            tusen kronor                               | 1 000 kronor
            tolv tusen kronor                          | 12 000 kronor
            trehundrafemtio tusen kronor               | 350 000 kronor
            en miljon två hundra tusen kronor          | 1 200 000 kronor
            två miljoner kronor                        | 2 miljoner kronor
            en miljon kronor                           | 1 miljon kronor
            två komma fem miljoner kronor              | 2,5 miljoner kronor
            fem kronor                                 | 5 kronor
            femtio öre                                 | 50 öre
            tretton kr                                 | 13 kr
            """)
    void writesAmountsInDigitsWithSpacedThousands(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
        assertThat(Spoken.entity(spoken).entity()).isEqualTo(EntityType.AMOUNT);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            femtio procent                       | 50 procent
            fem procent                          | 5 procent
            hundra procent                       | 100 procent
            två komma fem procent                | 2,5 procent
            noll komma fem promille              | 0,5 promille
            tre kilo                             | 3 kilo
            """)
    void writesMeasuresInDigits(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sju år gammal                            | 7 år gammal
            femton år                                | 15 år
            han är femtiofem år                      | han är 55 år
            barnen omar sju år och leila fyra år     | barnen omar 7 år och leila 4 år
            ett barn på fem år                       | ett barn på 5 år
            hon fyller ett år i maj                  | hon fyller 1 år i maj
            ett år gammal                            | 1 år gammal
            tio månader gammal                       | 10 månader gammal
            """)
    void writesAgesInDigitsEvenUnderThirteen(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"för tre år sedan", "i fyra år", "om två år", "under sex år", "tre år senare",
        "de senaste två åren", "i tre månader", "ett år har gått"})
    void leavesDurationsUnderThirteenAsWords(String spoken) {
        assertThat(written(spoken)).isEqualTo(spoken);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            fjorton gånger               | 14 gånger
            tjugo tre dagar              | 23 dagar
            hon har sexton syskon        | hon har 16 syskon
            tretton                      | 13
            ungefär tvåhundra            | ungefär 200
            tusen gånger                 | 1 000 gånger
            två tusen personer           | 2 000 personer
            för tjugo år sedan           | för 20 år sedan
            """)
    void writesCountsOfThirteenOrMoreInDigits(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            barnen är tio och tolv år                | barnen är 10 och 12 år
            fem eller sex procent                    | 5 eller 6 procent
            mellan tio och femton gånger             | mellan 10 och 15 gånger
            fem till sex kronor                      | 5 till 6 kronor
            två eller tre barn                       | två eller tre barn
            """)
    void writesPairedNumbersAlike(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tre barn", "två gånger", "tolv elever", "en pojke", "ett möte", "elva"})
    void leavesCountsUnderThirteenAsWords(String spoken) {
        assertThat(written(spoken)).isEqualTo(spoken);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            för tjugonde gången          | för 20:e gången
            den trettonde                | den 13:e
            tjugoförsta plats            | 21:a plats
            tjugoandra                   | 22:a
            """)
    void writesOrdinalsOfThirteenOrMoreWithEnding(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            storgatan tolv                  | storgatan 12
            hon bor på storgatan tre        | hon bor på storgatan 3
            storgatan tolv b                | storgatan 12 B
            kvarnbackavägen fyrtiotvå       | kvarnbackavägen 42
            drottning kristinas väg åtta    | drottning kristinas väg 8
            rum nummer tre                  | rum nummer 3
            """)
    void writesStreetNumbersInDigits(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @Test
    void aStreetNumberIsNotAnEntityOfItsOwn() {
        assertThat(Spoken.tokens("storgatan tolv")).allSatisfy(t -> assertThat(t.entity()).isNull());
    }
}
