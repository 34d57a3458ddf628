package se.dikta.structure.written;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.dikta.structure.entities.EntityCategory;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.entities.Lexicon.Entry;
import se.dikta.structure.entities.NameSpan;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.segment.Layout;
import se.dikta.structure.segment.SpokenSentence;

class SentenceWriterTest {

    private static final Optional<EntityCategory> PERSON = Optional.of(EntityCategory.PERSON);
    private static final Optional<EntityCategory> ORGANIZATION = Optional.of(EntityCategory.ORGANIZATION);

    private final Lexicon lexicon = new Lexicon(Map.of(
            List.of("lisa"), new Entry("Lisa", PERSON, false, "first-names"),
            List.of("andersson"), new Entry("Andersson", PERSON, false, "surnames"),
            List.of("hans"), new Entry("Hans", PERSON, true, "first-names"),
            List.of("dag"), new Entry("Dag", PERSON, true, "first-names"),
            List.of("bup"), new Entry("BUP", ORGANIZATION, false, "organizations"),
            List.of("försäkringskassan"), new Entry("Försäkringskassan", ORGANIZATION, false, "organizations"),
            List.of("röda", "korset"), new Entry("Röda korset", ORGANIZATION, false, "organizations")));
    private final SentenceWriter writer = new SentenceWriter(new SpokenNumberNormalizer(), lexicon,
            Set.of("inte", "erbjuds"));

    private static SpokenSentence sentence(String spoken) {
        List<String> words = List.of(spoken.split(" "));
        return new SpokenSentence(IntStream.range(0, words.size()).boxed().toList(), words,
                Arrays.asList(new String[words.size()]), null, Layout.NONE, null);
    }

    private WrittenSentence write(String spoken) {
        return writer.write(sentence(spoken), List.of(), Set.of());
    }

    private static List<String> entities(WrittenSentence s) {
        List<String> out = new ArrayList<>();
        for (FoundEntity e : s.entities()) {
            assertThat(s.text().substring(e.start(), e.end())).isEqualTo(e.text());
            out.add(e.category() + ":" + e.text());
        }
        return out;
    }

    @Test
    void writesACapitalAndAFullStop() {
        assertThat(write("mamma berättar att hon sover dåligt").text())
                .isEqualTo("Mamma berättar att hon sover dåligt.");
    }

    @Test
    void writesNumbersThroughTheNormaliserAndKeepsItsEntities() {
        WrittenSentence s = write("hembesök den tolfte mars klockan fjorton");
        assertThat(s.text()).isEqualTo("Hembesök den 12 mars klockan 14.00.");
        assertThat(entities(s)).containsExactly("DATE:den 12 mars", "TIME:klockan 14.00");
    }

    @Test
    void spellsOrganisationsAsTheLexiconDoes() {
        WrittenSentence s = write("hon har kontakt med bup försäkringskassan och röda korset");
        assertThat(s.text()).isEqualTo("Hon har kontakt med BUP Försäkringskassan och Röda korset.");
        assertThat(entities(s)).containsExactly("ORGANIZATION:BUP", "ORGANIZATION:Försäkringskassan",
                "ORGANIZATION:Röda korset");
    }

    @Test
    void capitalisesNamesAndStreetsAndJoinsAFullName() {
        WrittenSentence s = write("lisa andersson bor på storgatan tolv");
        assertThat(s.text()).isEqualTo("Lisa Andersson bor på Storgatan 12.");
        assertThat(entities(s)).containsExactly("PERSON:Lisa Andersson", "PLACE:Storgatan 12");
    }

    @Test
    void leavesNamesThatAreEverydayWordsAloneWithoutEvidence() {
        assertThat(write("i dag kom hans mamma").text()).isEqualTo("I dag kom hans mamma.");
        assertThat(write("lisa och hans andersson kom").text()).isEqualTo("Lisa och Hans Andersson kom.");
        WrittenSentence byFinder = writer.write(sentence("i dag kom hans"),
                List.of(new NameSpan(3, 4, EntityCategory.PERSON)), Set.of());
        assertThat(byFinder.text()).isEqualTo("I dag kom Hans.");
    }

    @Test
    void believesTheNameFinderOnlyAboutWordsThatCanBeNames() {
        WrittenSentence s = writer.write(sentence("kenan erbjuds inte stöd av barnläkare"), List.of(
                new NameSpan(0, 1, EntityCategory.PERSON), new NameSpan(1, 2, EntityCategory.PERSON),
                new NameSpan(2, 3, EntityCategory.PERSON), new NameSpan(5, 6, EntityCategory.PERSON)), Set.of());
        assertThat(s.text()).isEqualTo("Kenan erbjuds inte stöd av barnläkare.");
        assertThat(entities(s)).containsExactly("PERSON:Kenan");
    }

    @Test
    void remembersTheNamesOfTheNoteIncludingTheGenitive() {
        WrittenSentence s = writer.write(sentence("det finns oro för kenans frånvaro"), List.of(), Set.of("kenan"));
        assertThat(s.text()).isEqualTo("Det finns oro för Kenans frånvaro.");
        assertThat(entities(s)).containsExactly("PERSON:Kenans");
        assertThat(write("vi träffade lisas lärare").text()).isEqualTo("Vi träffade Lisas lärare.");
    }

    @Test
    void endsQuestionsWithAQuestionMark() {
        assertThat(write("kan han klara sig hemma under helgen").text())
                .isEqualTo("Kan han klara sig hemma under helgen?");
        assertThat(write("hur länge orkar hon fortsätta").text()).isEqualTo("Hur länge orkar hon fortsätta?");
        assertThat(write("hur det går följs upp i maj").text()).isEqualTo("Hur det går följs upp i maj.");
    }

    @Test
    void attachesDictatedMarks() {
        List<String> words = List.of("med", "på", "mötet", "mamma", "pappa", "och", "lisa", "följande");
        List<String> marks = Arrays.asList(null, null, ":", ",", null, null, null, ":");
        SpokenSentence sentence = new SpokenSentence(IntStream.range(0, words.size()).boxed().toList(), words, marks,
                "!", Layout.NONE, null);
        assertThat(writer.write(sentence, List.of(), Set.of()).text())
                .isEqualTo("Med på mötet: mamma, pappa och Lisa följande:");
    }

    @Test
    void passesOnTheFlagOfAnInvalidPersonnummer() {
        WrittenSentence s = write("hans personnummer är nitton åttiofyra noll tre tolv fyra fem sex åtta");
        assertThat(s.text()).isEqualTo("Hans personnummer är 19840312-4568.");
        assertThat(s.flags()).containsExactly("invalid-checksum");
        assertThat(entities(s)).containsExactly("PERSONNUMMER:19840312-4568");
    }
}
