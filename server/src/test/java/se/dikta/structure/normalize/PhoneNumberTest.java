package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.structure.normalize.Spoken.written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0701234567 | 070-123 45 67
            0812345678 | 08-123 456 78
            081234567  | 08-123 45 67
            08123456   | 08-12 34 56
            0311234567 | 031-123 45 67
            031123456  | 031-12 34 56
            0431123456 | 0431-12 34 56
            043112345  | 0431-123 45
            0101234567 | 010-123 45 67
            """)
    void groupsTheSubscriberNumberFromTheRight(String digits, String expected) {
        assertThat(PhoneNumber.written(digits)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"070123456", "07012345678", "0012345678", "1234567890", "0812"})
    void rejectsImplausibleNumbers(String digits) {
        assertThat(PhoneNumber.written(digits)).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            noll sju noll ett två tre fyra fem sex sju                  | 070-123 45 67
            noll sju noll etthundratjugotre fyrtiofem sextiosju         | 070-123 45 67
            noll sju noll ett två tre fyrtio fem sextio sju             | 070-123 45 67
            det nya numret är noll sju tre fyra fem sex sju åtta nio noll | det nya numret är 073-456 78 90
            noll åtta ett två tre fyra fem sex sju åtta                 | 08-123 456 78
            noll tre ett ett två tre fyra fem sex sju                   | 031-123 45 67
            """)
    void readsPhoneNumbersDigitByDigitOrInGroups(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
        assertThat(Spoken.entity(spoken).entity()).isEqualTo(EntityType.PHONE);
    }

    @Test
    void stopsAtTheLastDigitOfTheNumber() {
        WrittenToken phone = Spoken.entity("ring noll sju noll ett två tre fyra fem sex sju tre gånger");

        assertThat(phone).isEqualTo(new WrittenToken("070-123 45 67", 1, 11, EntityType.PHONE, null));
        assertThat(written("ring noll sju noll ett två tre fyra fem sex sju tre gånger"))
                .isEqualTo("ring 070-123 45 67 tre gånger");
    }

    @ParameterizedTest
    @ValueSource(strings = {"noll", "noll sju", "noll koll", "noll sju noll ett två"})
    void leavesShortDigitRunsAsWords(String spoken) {
        assertThat(written(spoken)).isEqualTo(spoken);
    }
}
