package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.structure.normalize.Spoken.tokens;
import static se.dikta.structure.normalize.Spoken.written;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpokenNumberNormalizerTest {

    /**
     * Every example of the table in swedish-written-forms.md, spoken and written verbatim. The normaliser
     * writes everything except the sentence's capital letter and full stop and the capital of a street
     * name, which the pipeline adds; the last column is the normaliser's own part.
     */
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sentence             | mamma berättar att hon sover dåligt | Mamma berättar att hon sover dåligt. | mamma berättar att hon sover dåligt
            date                 | den tjugoförsta mars | den 21 mars | den 21 mars
            date                 | den tolfte i tredje | den 12 mars | den 12 mars
            date with year       | den femte maj tjugo tjugosex | den 5 maj 2026 | den 5 maj 2026
            time                 | klockan fjorton | klockan 14.00 | klockan 14.00
            time                 | klockan kvart över nio | klockan 9.15 | klockan 9.15
            time                 | klockan halv tre | klockan 14.30 | klockan 14.30
            time                 | klockan tretton och trettio | klockan 13.30 | klockan 13.30
            age                  | femton år | 15 år | 15 år
            age                  | sju år gammal | 7 år gammal | 7 år gammal
            amount               | tre tusen fem hundra kronor | 3 500 kronor | 3 500 kronor
            count of 13 or more  | fjorton gånger | 14 gånger | 14 gånger
            count of 13 or more  | tjugo tre dagar | 23 dagar | 23 dagar
            count under 13       | tre barn | tre barn | tre barn
            count under 13       | två gånger | två gånger | två gånger
            personnummer         | nitton åttiofyra noll tre tolv fyra fem sex sju | 19840312-4567 | 19840312-4567
            phone number         | noll sju noll ett två tre fyra fem sex sju | 070-123 45 67 | 070-123 45 67
            percent              | femtio procent | 50 procent | 50 procent
            year                 | tjugo tjugotvå | 2022 | 2022
            year                 | år tjugo nitton | år 2019 | år 2019
            street number        | storgatan tolv | Storgatan 12 | storgatan 12
            law reference        | paragraf sex lvm | 6 § LVM | 6 § LVM
            law reference        | enligt fyra kapitlet ett paragrafen socialtjänstlagen | enligt 4 kap. 1 § socialtjänstlagen | enligt 4 kap. 1 § socialtjänstlagen
            """)
    void writesEveryExampleOfTheSpec(String kind, String spoken, String specWritten, String normalized) {
        assertThat(written(spoken)).isEqualTo(normalized);
        assertThat(pipelineFinish(normalized, kind)).isEqualTo(specWritten);
    }

    /** What the pipeline adds: a sentence's capital and full stop, a street name's capital. */
    private static String pipelineFinish(String normalized, String kind) {
        String capitalised = Character.toUpperCase(normalized.charAt(0)) + normalized.substring(1);
        return switch (kind) {
            case "sentence" -> capitalised + ".";
            case "street number" -> capitalised;
            default -> normalized;
        };
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            klockan halv tre                      | klockan 14.30
            klockan halv tre i natt               | klockan 2.30 i natt
            i natt klockan halv tre               | i natt klockan 2.30
            klockan kvart i tre på natten         | klockan 2.45 på natten
            klockan kvart i tre                   | klockan 14.45
            klockan tjugo över tre på natten      | klockan 3.20 på natten
            klockan tjugo över tre                | klockan 15.20
            klockan fem i halv fyra på natten     | klockan 3.25 på natten
            klockan fem i halv fyra               | klockan 15.25
            klockan fem över halv fyra på natten  | klockan 3.35 på natten
            klockan fem över halv fyra            | klockan 15.35
            """)
    void followsTheClockRulesOfTheSpec(String spoken, String expected) {
        assertThat(written(spoken)).isEqualTo(expected);
    }

    @Test
    void keepsTheWordRangeOfEachToken() {
        List<WrittenToken> tokens = tokens("hembesök den tolfte mars klockan kvart över nio hos familjen");

        assertThat(tokens).containsExactly(
                new WrittenToken("hembesök", 0, 1, null, null),
                new WrittenToken("den 12 mars", 1, 4, EntityType.DATE, null),
                new WrittenToken("klockan 9.15", 4, 8, EntityType.TIME, null),
                new WrittenToken("hos", 8, 9, null, null),
                new WrittenToken("familjen", 9, 10, null, null));
    }

    @Test
    void coversEveryInputWordExactlyOnceInOrder() {
        String spoken = "hon har en hyra på sju tusen åtta hundra kronor och ringde från noll sju noll ett två tre"
                + " fyra fem sex sju den tjugoandra oktober klockan halv elva enligt elva kapitlet ett paragrafen"
                + " sol med tre barn tjugo tre dagar";
        List<WrittenToken> tokens = tokens(spoken);

        List<Integer> covered = new ArrayList<>();
        for (WrittenToken t : tokens) {
            assertThat(t.toWord()).isGreaterThan(t.fromWord());
            for (int w = t.fromWord(); w < t.toWord(); w++) {
                covered.add(w);
            }
        }
        int size = Spoken.words(spoken).size();
        assertThat(covered).containsExactlyElementsOf(java.util.stream.IntStream.range(0, size).boxed().toList());
    }

    @Test
    void anAmountTokenSpansTheNumberAndItsCurrency() {
        WrittenToken amount = Spoken.entity("hyran är tre tusen fem hundra kronor i månaden");

        assertThat(amount).isEqualTo(new WrittenToken("3 500 kronor", 2, 7, EntityType.AMOUNT, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "en pojke", "ett möte", "tre barn", "en viktig punkt i planen", "hon är ensam", "de andra barnen",
        "första gången", "det tredje mötet", "sex", "sexuella övergrepp", "ett tiotal personer", "hundratals",
        "tusentals kronor", "på femtiotalet", "entreprenad", "han är elva", "för tre år sedan", "i två år",
        "en kvart", "en halv timme", "halva tiden", "han var ensam hemma en natt", "sjukhuset", "tiokronor",
        "hon nionde", "gatan tre gånger", "på vägen två gånger", "klockan är mycket", "tusen tack",
        "den andra", "de två äldsta", "ett år har gått", "han sov sju timmar i natt"})
    void leavesOrdinaryWordsAndSmallCountsAsWords(String spoken) {
        assertThat(written(spoken)).isEqualTo(spoken);
        assertThat(tokens(spoken)).allSatisfy(t -> assertThat(t.entity()).isNull());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tjugofem gånger                   | tjugo fem gånger
            trehundrafemtio kronor            | tre hundra femtio kronor
            tretusenfemhundra kronor          | tre tusen fem hundra kronor
            den tjugoförsta mars              | den tjugo första mars
            klockan tjugotre                  | klockan tjugo tre
            tjugotjugotvå                     | tjugo tjugo två
            """)
    void readsJoinedAndSplitNumbersAlike(String joined, String split) {
        assertThat(written(joined)).isEqualTo(written(split));
        assertThat(written(joined)).isNotEqualTo(joined);
    }

    @Test
    void passesWordsThroughWithTheirOriginalSpelling() {
        assertThat(written("Hon har Femton syskon")).isEqualTo("Hon har 15 syskon");
    }

    @Test
    void handlesAnEmptySentence() {
        assertThat(Spoken.NORMALIZER.normalize(List.of())).isEmpty();
    }

    @Test
    void recognisesStreetNamesForThePipeline() {
        assertThat(Spoken.NORMALIZER.isStreetName("storgatan")).isTrue();
        assertThat(Spoken.NORMALIZER.isStreetName("kvarnbackavägen")).isTrue();
        assertThat(Spoken.NORMALIZER.isStreetName("gatan")).isFalse();
        assertThat(Spoken.NORMALIZER.isStreetName("vägen")).isFalse();
        assertThat(Spoken.NORMALIZER.isStreetName("mamma")).isFalse();
    }
}
