package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrittenNumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0          | 0
            999        | 999
            1000       | 1 000
            3500       | 3 500
            12000      | 12 000
            350000     | 350 000
            1250000    | 1 250 000
            999999999  | 999 999 999
            """)
    void separatesThousandsWithASpace(long value, String expected) {
        assertThat(WrittenNumbers.grouped(value)).isEqualTo(expected);
    }
}
