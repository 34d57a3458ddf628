package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SwedishNumberParserTest {

    private final SwedishNumberParser parser = new SwedishNumberParser();

    private OptionalLong value(String spoken) {
        return parser.valueOf(Spoken.words(spoken));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            noll | 0
            en | 1
            ett | 1
            två | 2
            nio | 9
            tio | 10
            elva | 11
            tolv | 12
            tretton | 13
            fjorton | 14
            arton | 18
            aderton | 18
            nitton | 19
            tjugo | 20
            tjugoen | 21
            tjugoett | 21
            tjugo ett | 21
            tjugofem | 25
            tjugo fem | 25
            trettio | 30
            fyrtiotvå | 42
            femtio | 50
            sextio | 60
            sjuttiosju | 77
            åttioåtta | 88
            nittionio | 99
            hundra | 100
            etthundra | 100
            ett hundra | 100
            hundraett | 101
            tvåhundra | 200
            fem hundra | 500
            trehundrafemtio | 350
            tre hundra femtio | 350
            niohundranittionio | 999
            tusen | 1000
            ettusen | 1000
            ett tusen | 1000
            tusen en | 1001
            tvåtusen | 2000
            tretusenfemhundra | 3500
            tre tusen fem hundra | 3500
            tolvtusen | 12000
            tjugotvåtusen | 22000
            tjugo två tusen | 22000
            hundratusen | 100000
            trehundrafemtiotusen | 350000
            niohundranittioniotusen niohundranittionio | 999999
            en miljon | 1000000
            två miljoner | 2000000
            en miljon två hundra tusen | 1200000
            tvåmiljonertrehundratusen | 2300000
            niohundranittionio miljoner niohundranittionio tusen niohundranittionio | 999999999
            nio hundra nittio nio miljoner nio hundra nittio nio tusen nio hundra nittio nio | 999999999
            en miljard | 1000000000
            nittonhundraåttiofyra | 1984
            nitton hundra åttiofyra | 1984
            femtonhundra | 1500
            """)
    void readsCardinals(String spoken, long expected) {
        assertThat(value(spoken)).hasValue(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tretti | 30
            trettiett | 31
            fyrti | 40
            förti | 40
            femti | 50
            sexti | 60
            sjutti | 70
            åtti | 80
            nitti | 90
            tjufem | 25
            tjugu | 20
            """)
    void readsColloquialSpellings(String spoken, long expected) {
        assertThat(value(spoken)).hasValue(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            första | 1
            förste | 1
            andra | 2
            tredje | 3
            fjärde | 4
            femte | 5
            sjätte | 6
            sjunde | 7
            åttonde | 8
            nionde | 9
            tionde | 10
            elfte | 11
            tolfte | 12
            trettonde | 13
            nittonde | 19
            tjugonde | 20
            tjugoförsta | 21
            tjugo första | 21
            tjugoandra | 22
            tjugonionde | 29
            trettionde | 30
            trettioförsta | 31
            hundrade | 100
            tusende | 1000
            """)
    void readsOrdinals(String spoken, long expected) {
        assertThat(value(spoken)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fem sex", "tjugo tjugotvå", "nitton åttiofyra", "tjugo trettio", "tio fem", "noll sju", "första andra",
        "tusen tusen", "hundra hundra", "tjugo hundra", "tjugotvå hundra", "tretusen tvåtusen", "miljon tusen miljon"})
    void doesNotJoinWordsThatAreSeparateNumbers(String spoken) {
        assertThat(value(spoken)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sexuell", "entre", "tiotal", "hundratals", "tusentals", "femtiotalet", "sjukhus", "tjuv", "ensam",
        "elvaåring", "sexa", "tvåa", "nian", "ens", "enda", "femtedel", "tretio", "femfem", "tioen", ""})
    void rejectsWordsThatAreNotNumbers(String word) {
        assertThat(parser.isNumberWord(word)).isFalse();
    }

    @Test
    void splitsAmbiguousJoinedWordsByTheGrammar() {
        assertThat(value("sextio")).hasValue(60);
        assertThat(value("sextiosex")).hasValue(66);
        assertThat(value("femtiofem")).hasValue(55);
        assertThat(value("sextusen")).hasValue(6000);
        assertThat(value("sexhundrasextiosex")).hasValue(666);
    }
}
