package se.dikta.structure.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.commands.DictationItem.Command;
import se.dikta.structure.commands.DictationItem.Word;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

class CommandParserTest {

    private final CommandParser parser = parser(Map.of());

    private static CommandParser parser(Map<String, SectionKey> templateTitles) {
        return new CommandParser(new HeadingVocabulary(templateTitles), new NumberWords(new SpokenNumberNormalizer()),
                TrainedModels.models().commands());
    }

    /** The parse written back: words as they are, commands as {KIND} or {HEADING:KEY}. */
    private static String render(List<DictationItem> items) {
        StringBuilder out = new StringBuilder();
        for (DictationItem item : items) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (item instanceof Word w) {
                out.append(w.text());
            } else if (item instanceof Command c) {
                out.append('{').append(c.kind()).append(c.section() == null ? "" : ":" + c.section()).append('}');
            }
        }
        return out.toString();
    }

    private String parse(String text) {
        return render(parser.parse(Transcript.of(text)));
    }

    @Test
    void turnsPunctuationWordsIntoMarks() {
        assertThat(parse("mamma berättar komma pappa säger punkt kan hon komma frågetecken stopp utropstecken"
                + " följande kolon"))
                .isEqualTo("mamma berättar {COMMA} pappa säger {FULL_STOP} kan hon komma {QUESTION_MARK}"
                        + " stopp {EXCLAMATION_MARK} följande {COLON}");
    }

    @Test
    void keepsPunktAsANounAfterADeterminerOrAdjective() {
        assertThat(parse("det är en viktig punkt i planen")).isEqualTo("det är en viktig punkt i planen");
        assertThat(parse("vi gick igenom varje punkt punkt")).isEqualTo("vi gick igenom varje punkt {FULL_STOP}");
        assertThat(parse("på den här punkten behöver familjen stöd"))
                .isEqualTo("på den här punkten behöver familjen stöd");
        assertThat(parse("hon ringde mig punkt")).isEqualTo("hon ringde mig {FULL_STOP}");
    }

    @Test
    void keepsKommaAsTheVerbAfterModalsAndBeforeParticles() {
        assertThat(parse("pappa ska inte komma på mötet")).isEqualTo("pappa ska inte komma på mötet");
        assertThat(parse("de kommer att komma överens")).isEqualTo("de kommer att komma överens");
        assertThat(parse("hon vill komma hem")).isEqualTo("hon vill komma hem");
        assertThat(parse("beslut beräknas komma i mars")).isEqualTo("beslut beräknas komma i mars");
    }

    @Test
    void readsKommaBetweenNumberWordsAsADecimalForTheNormaliser() {
        assertThat(parse("två komma fem procent")).isEqualTo("två komma fem procent");
    }

    @Test
    void readsACommandAfterASpokenNumberEndingInEttAsTheCommand() {
        assertThat(parse("klockan ett punkt")).isEqualTo("klockan ett {FULL_STOP}");
        assertThat(parse("klockan halv ett ny rad")).isEqualTo("klockan halv ett {NEW_LINE}");
        assertThat(parse("paragraf ett rubrik bedömning")).isEqualTo("paragraf ett {HEADING:BEDOMNING}");
    }

    @Test
    void keepsNounUsesOfTheOtherPunctuationWords() {
        assertThat(parse("det finns ett frågetecken kring boendet"))
                .isEqualTo("det finns ett frågetecken kring boendet");
    }

    @Test
    void findsLayoutCommandsButNotTheirNounPhrases() {
        assertThat(parse("första delen ny rad andra delen nytt stycke tredje delen"))
                .isEqualTo("första delen {NEW_LINE} andra delen {NEW_PARAGRAPH} tredje delen");
        assertThat(parse("hon skrev en ny rad i brevet")).isEqualTo("hon skrev en ny rad i brevet");
    }

    @Test
    void readsHeadingsByTitleAndSynonym() {
        assertThat(parse("rubrik bedömning familjen behöver stöd rubrik fortsatt planering nytt möte"))
                .isEqualTo("{HEADING:BEDOMNING} familjen behöver stöd {HEADING:PLANERING} nytt möte");
        assertThat(parse("rubrik iakttagelser rummet var städat rubrik närvarande mamma"))
                .isEqualTo("{HEADING:OBSERVATION} rummet var städat {HEADING:NARVARANDE} mamma");
        assertThat(parse("tidningens rubrik var stor")).isEqualTo("tidningens rubrik var stor");
    }

    @Test
    void templateTitlesWinOverDefaultNames() {
        Map<String, SectionKey> homeVisit = new LinkedHashMap<>();
        homeVisit.put("Samtal", SectionKey.INFORMATION);
        homeVisit.put("Iakttagelser i hemmet", SectionKey.OBSERVATION);
        CommandParser homeVisitParser = parser(homeVisit);
        assertThat(render(homeVisitParser.parse(Transcript.of("rubrik samtal mamma berättar"))))
                .isEqualTo("{HEADING:INFORMATION} mamma berättar");
        assertThat(render(homeVisitParser.parse(Transcript.of("rubrik iakttagelser i hemmet det var stökigt"))))
                .isEqualTo("{HEADING:OBSERVATION} det var stökigt");
        assertThat(parse("rubrik samtal mamma berättar")).isEqualTo("{HEADING:KONTAKT} mamma berättar");
    }

    @Test
    void findsCorrections() {
        assertThat(parse("hon sover dåligt radera senaste meningen hon sover bra nej stryk det"))
                .isEqualTo("hon sover dåligt {DELETE_LAST_SENTENCE} hon sover bra {DELETE_LAST_SENTENCE}");
        assertThat(parse("pappa kom stryk det")).isEqualTo("pappa kom {DELETE_LAST_SENTENCE}");
    }

    @Test
    void commandsKeepTheirTranscriptRange() {
        List<DictationItem> items = parser.parse(Transcript.of("mamma kom nej stryk det pappa kom"));
        assertThat(items.get(2)).isEqualTo(new Command(CommandKind.DELETE_LAST_SENTENCE, 2, 5, null));
        assertThat(items.get(3)).isEqualTo(new Word(5, "pappa"));
    }

    @Test
    void readsPunktAfterAPronounAsTheCommandWhenTheSpeakerDictatesPunctuation() {
        assertThat(parse("hon har svårt med att sköta det punkt mamma hjälper henne varje vecka punkt"
                + " hon vill ha stöd punkt"))
                .isEqualTo("hon har svårt med att sköta det {FULL_STOP} mamma hjälper henne varje vecka {FULL_STOP}"
                        + " hon vill ha stöd {FULL_STOP}");
    }

    @Test
    void keepsKommaAsTheVerbAfterOch() {
        assertThat(parse("hon behöver slappna av och komma till ro punkt"))
                .isEqualTo("hon behöver slappna av och komma till ro {FULL_STOP}");
    }

    @Test
    void keepsPunktAsANounInAPunctuatedDictation() {
        assertThat(parse("vi tog upp en ny punkt på dagordningen punkt det är en viktig punkt i planen punkt"))
                .isEqualTo("vi tog upp en ny punkt på dagordningen {FULL_STOP} det är en viktig punkt i planen {FULL_STOP}");
    }

    @Test
    void readsPunktAfterPronounsAndBareAdjectivesAsTheCommand() {
        assertThat(parse("han bor i detta punkt hon köpte de stora punkt mamma var också stor punkt"))
                .isEqualTo("han bor i detta {FULL_STOP} hon köpte de stora {FULL_STOP} mamma var också stor {FULL_STOP}");
    }

    @Test
    void keepsKommaAsTheVerbInAPunctuatedDictation() {
        assertThat(parse("mamma berättar att hon vill komma hem punkt han kan inte komma till mötet punkt"
                + " hon har svårt att komma i tid komma men hon försöker punkt"))
                .isEqualTo("mamma berättar att hon vill komma hem {FULL_STOP} han kan inte komma till mötet {FULL_STOP}"
                        + " hon har svårt att komma i tid {COMMA} men hon försöker {FULL_STOP}");
    }

    @Test
    void readsEveryEndMarkAfterAnAmountOrTimeAsTheCommand() {
        assertThat(parse("vi noterade noll komma fem promille utropstecken pappa kom klockan tre i natt frågetecken"))
                .isEqualTo("vi noterade noll komma fem promille {EXCLAMATION_MARK} pappa kom klockan tre i natt"
                        + " {QUESTION_MARK}");
    }
}
