package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.structure.normalize.Spoken.written;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonnummerTest {

    @ParameterizedTest
    @ValueSource(strings = {"8112189876", "1212121212", "4607137454", "0001010107"})
    void acceptsAValidCheckDigit(String digits) {
        assertThat(Personnummer.luhnValid(digits)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8112189875", "8403124567", "9004225318", "1212121213"})
    void rejectsAWrongCheckDigit(String digits) {
        assertThat(Personnummer.luhnValid(digits)).isFalse();
    }

    @Test
    void writesTheCenturyOnlyWhenSpoken() {
        assertThat(Personnummer.of("198112189876").written()).isEqualTo("19811218-9876");
        assertThat(Personnummer.of("8112189876").written()).isEqualTo("811218-9876");
        assertThat(Personnummer.of("178112189876")).isNull();
        assertThat(Personnummer.of("81121898")).isNull();
    }

    @Test
    void acceptsSamordningsnummerDays() {
        assertThat(Personnummer.of("8112789876").hasPlausibleDate()).isTrue();
        assertThat(Personnummer.of("8113189876").hasPlausibleDate()).isFalse();
        assertThat(Personnummer.of("8112329876").hasPlausibleDate()).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nitton åttioett tolv arton nio åtta sju sex                   | 19811218-9876
            åttioett tolv arton nio åtta sju sex                          | 811218-9876
            åttioett tolv arton nittioåtta sjuttiosex                     | 811218-9876
            åtti ett tolv arton streck nio åtta sju sex                   | 811218-9876
            personnummer noll noll noll ett noll ett noll ett noll sju    | personnummer 000101-0107
            """)
    void readsAValidPersonnummerInGroups(String spoken, String expected) {
        WrittenToken token = Spoken.entity(spoken);
        assertThat(written(spoken)).isEqualTo(expected);
        assertThat(token.entity()).isEqualTo(EntityType.PERSONNUMMER);
        assertThat(token.flag()).isNull();
    }

    @Test
    void flagsAnInvalidCheckDigitButStillWritesTheNumber() {
        WrittenToken token = Spoken.entity("sökande personnummer nitton åttiofyra noll tre tolv fyra fem sex sju");

        assertThat(token).isEqualTo(new WrittenToken("19840312-4567", 2, 11, EntityType.PERSONNUMMER,
                WrittenToken.INVALID_CHECKSUM));
    }

    @Test
    void readsTenDigitsStartingWithZeroAsAPhoneNumberUnlessSaidToBeAPersonnummer() {
        String digits = "noll sju noll ett två tre fyra fem sex sju";
        assertThat(Spoken.entity(digits).entity()).isEqualTo(EntityType.PHONE);
        assertThat(Spoken.entity("född " + digits).entity()).isEqualTo(EntityType.PERSONNUMMER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"åttiofyra tretton tolv fyra fem sex sju", "tre fyra fem sex sju åtta nio"})
    void leavesDigitRunsThatAreNoPersonnummer(String spoken) {
        assertThat(Spoken.tokens(spoken)).noneMatch(t -> t.entity() == EntityType.PERSONNUMMER);
    }
}
