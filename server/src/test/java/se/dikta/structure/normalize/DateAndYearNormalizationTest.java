package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.structure.normalize.Spoken.written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateAndYearNormalizationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            den första januari                       | den 1 januari
            den förste maj                           | den 1 maj
            den andra februari                       | den 2 februari
            den tjugonionde juni                     | den 29 juni
            den trettioförsta december               | den 31 december
            den tolv mars                            | den 12 mars
            tolfte mars                              | 12 mars
            tjugoförsta mars                         | 21 mars
            den tredje i fjärde                      | den 3 april
            den tjugofemte i tolfte                  | den 25 december
            den femte maj två tusen tjugosex         | den 5 maj 2026
            den femte maj tjugotjugosex              | den 5 maj 2026
            den tolfte mars nitton åttiofyra         | den 12 mars 1984
            den tolfte mars nittonhundraåttiofyra    | den 12 mars 1984
            den första i tredje tjugo noll fem       | den 1 mars 2005
            måndagen den tolfte                      | måndagen den 12
            nästa hembesök blir den tredje april klockan tio | nästa hembesök blir den 3 april klockan 10.00
            """)
    void writesDates(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @Test
    void aDateWithYearIsOneDateToken() {
        assertThat(Spoken.entity("mötet hölls den femte maj tjugo tjugosex på kontoret"))
                .isEqualTo(new WrittenToken("den 5 maj 2026", 2, 7, EntityType.DATE, null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tjugo tjugotvå                      | 2022
            år tjugo nitton                     | år 2019
            nitton åttiofyra                    | 1984
            född nitton nittio                  | född 1990
            tjugo noll fem                      | 2005
            nittonåttiofyra                     | 1984
            tjugotjugotvå                       | 2022
            nittonhundraåttiofyra               | 1984
            artonhundrafemtio                   | 1850
            hösten två tusen tjugotre           | hösten 2023
            sedan tvåtusentjugo                 | sedan 2020
            flyttade hit år två tusen           | flyttade hit år 2000
            """)
    void writesYearsAsFourDigitsWithoutASpace(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
        assertThat(Spoken.entity(spoken).entity()).isEqualTo(EntityType.DATE);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            två tusen personer              | 2 000 personer
            två tusen kronor                | 2 000 kronor
            tjugo trettio minuter           | 20 30 minuter
            tolvhundra                      | 1 200
            """)
    void readsNumbersNotSaidAsYearsAsQuantities(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"den andra", "den tredje gången", "de andra i tredje klass"})
    void leavesOrdinalsWithoutAMonthAsWords(String spoken) {
        assertThat(written(spoken)).isEqualTo(spoken);
    }
}
