package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.structure.normalize.Spoken.written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeNormalizationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            klockan noll                     | klockan 0.00
            klockan ett                      | klockan 13.00
            klockan sex                      | klockan 18.00
            klockan sju                      | klockan 7.00
            klockan tolv                     | klockan 12.00
            klockan tjugo                    | klockan 20.00
            klockan tjugotre                 | klockan 23.00
            klockan tjugo i tre              | klockan 14.40
            klockan tio över elva            | klockan 11.10
            klockan kvart i elva             | klockan 10.45
            klockan halv nio                 | klockan 8.30
            klockan halv ett                 | klockan 12.30
            klockan kvart i ett              | klockan 12.45
            klockan tretton trettio          | klockan 13.30
            klockan nio och trettio          | klockan 9.30
            klockan två och trettio          | klockan 14.30
            klockan tio och femton           | klockan 10.15
            klockan nio noll fem             | klockan 9.05
            klockan femton noll noll         | klockan 15.00
            klockan tjugo fyrtiofem          | klockan 20.45
            """)
    void writesTheTwentyFourHourClockWithAFullStop(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            klockan sex på morgonen                | klockan 6.00 på morgonen
            klockan halv sex i morse               | klockan 5.30 i morse
            på förmiddagen klockan tre             | på förmiddagen klockan 3.00
            klockan tre i natt                     | klockan 3.00 i natt
            klockan fyra på natten                 | klockan 4.00 på natten
            klockan elva i natt                    | klockan 23.00 i natt
            klockan tolv i natt                    | klockan 0.00 i natt
            klockan halv tolv i natt               | klockan 23.30 i natt
            klockan sju på kvällen                 | klockan 19.00 på kvällen
            klockan tio i går kväll                | klockan 22.00 i går kväll
            klockan nio på eftermiddagen           | klockan 21.00 på eftermiddagen
            klockan fem på eftermiddagen           | klockan 17.00 på eftermiddagen
            """)
    void placesTheHourInThePartOfTheDaySaid(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            vi ses halv fyra                       | vi ses 15.30
            hon kommer kvart över åtta             | hon kommer 8.15
            vid fem i tre                          | vid 14.55
            senast tjugo över nio                  | senast 9.20
            mellan klockan nio och tio             | mellan klockan 9.00 och 10.00
            mellan klockan två och fyra på eftermiddagen | mellan klockan 14.00 och 16.00 på eftermiddagen
            från klockan nio till halv elva        | från klockan 9.00 till 10.30
            """)
    void recognisesTimesWithoutKlockanWhereTheFormIsUnambiguous(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"det tog en kvart i tre omgångar", "fem över tre", "hon har tio i snitt",
        "klockan är mycket", "en halv timme", "han kom tre och fyra gånger"})
    void leavesWordsThatOnlyLookLikeTimes(String spoken) {
        assertThat(written(spoken)).isEqualTo(spoken);
    }

    @Test
    void aTimeTokenIncludesKlockanAndIsATimeEntity() {
        assertThat(Spoken.entity("vi ses klockan tretton och trettio i morgon"))
                .isEqualTo(new WrittenToken("klockan 13.30", 2, 6, EntityType.TIME, null));
    }
}
