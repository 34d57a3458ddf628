package se.dikta.structure.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.dikta.structure.NoteStructurer;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.StructuredNote;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.template.Template;

/**
 * Every dictation command spoken right after every number, date, time, amount, identifier and law form of the
 * normaliser's tests: the command acts and never stays in the text as a word ("klockan ett punkt" is
 * "klockan 13.00.", not "klockan 13.00 punkt.").
 */
class CommandsAfterNumbersTest {

    /** spoken | written, taken from the normaliser's tests (time, date, year, quantity, identifiers, law). */
    static final List<String[]> FORMS = forms("""
            klockan noll|klockan 0.00
            klockan ett|klockan 13.00
            klockan sex|klockan 18.00
            klockan tolv|klockan 12.00
            klockan tjugotre|klockan 23.00
            klockan tjugo i tre|klockan 14.40
            klockan tio över elva|klockan 11.10
            klockan kvart i elva|klockan 10.45
            klockan halv nio|klockan 8.30
            klockan halv ett|klockan 12.30
            klockan kvart i ett|klockan 12.45
            klockan tretton trettio|klockan 13.30
            klockan nio och trettio|klockan 9.30
            klockan två och trettio|klockan 14.30
            klockan nio noll fem|klockan 9.05
            klockan femton noll noll|klockan 15.00
            klockan tjugo fyrtiofem|klockan 20.45
            klockan sex på morgonen|klockan 6.00 på morgonen
            klockan tre i natt|klockan 3.00 i natt
            klockan tolv i natt|klockan 0.00 i natt
            klockan sju på kvällen|klockan 19.00 på kvällen
            klockan fem i halv fyra|klockan 15.25
            klockan fem över halv fyra|klockan 15.35
            halv fyra|15.30
            kvart över åtta|8.15
            mellan klockan nio och tio|mellan klockan 9.00 och 10.00
            från klockan nio till halv elva|från klockan 9.00 till 10.30
            den första januari|den 1 januari
            den förste maj|den 1 maj
            den andra februari|den 2 februari
            den tjugonionde juni|den 29 juni
            den trettioförsta december|den 31 december
            den tolv mars|den 12 mars
            den tredje i fjärde|den 3 april
            den tjugofemte i tolfte|den 25 december
            den femte maj två tusen tjugosex|den 5 maj 2026
            den femte maj tjugotjugosex|den 5 maj 2026
            den tolfte mars nitton åttiofyra|den 12 mars 1984
            den första i tredje tjugo noll fem|den 1 mars 2005
            måndagen den tolfte|måndagen den 12
            den trettonde|den 13:e
            för tjugonde gången|för 20:e gången
            år tjugo nitton|år 2019
            född nitton nittio|född 1990
            hösten två tusen tjugotre|hösten 2023
            flyttade hit år två tusen|flyttade hit år 2000
            sju tusen åtta hundra kronor|7 800 kronor
            tusen kronor|1 000 kronor
            en miljon två hundra tusen kronor|1 200 000 kronor
            två komma fem miljoner kronor|2,5 miljoner kronor
            femtio öre|50 öre
            två komma fem procent|2,5 procent
            noll komma fem promille|0,5 promille
            sju år gammal|7 år gammal
            femton år|15 år
            ett år gammal|1 år gammal
            fjorton gånger|14 gånger
            tjugo tre dagar|23 dagar
            tretton|13
            ungefär tvåhundra|ungefär 200
            mellan tio och femton gånger|mellan 10 och 15 gånger
            två eller tre barn|två eller tre barn
            storgatan tolv|Storgatan 12
            storgatan tolv b|Storgatan 12 B
            rum nummer tre|rum nummer 3
            rum nummer ett|rum nummer 1
            nitton åttioett tolv arton nio åtta sju sex|19811218-9876
            åttioett tolv arton nittioåtta sjuttiosex|811218-9876
            noll sju noll ett två tre fyra fem sex sju|070-123 45 67
            noll tre ett ett två tre fyra fem sex ett|031-123 45 61
            paragraf sex lvm|6 § LVM
            paragraf ett lvu|1 § LVU
            enligt fyra kapitlet ett paragrafen socialtjänstlagen|enligt 4 kap. 1 § socialtjänstlagen
            kapitel fyra paragraf ett|4 kap. 1 §
            paragraf fyra a|4 a §
            """);

    /** spoken command | mark written after the form (empty: layout, heading or deletion). */
    static final List<String[]> COMMANDS = forms("""
            punkt|.
            komma|,
            frågetecken|?
            utropstecken|!
            kolon|:
            ny rad|
            nytt stycke|
            rubrik bedömning|
            radera senaste meningen|
            nej stryk det|
            """);

    private final NoteStructurer structurer = TrainedModels.structurer();
    private final Template template = TrainedModels.templates().find("journalanteckning").orElseThrow();

    private static List<String[]> forms(String block) {
        List<String[]> out = new ArrayList<>();
        for (String line : block.strip().split("\n")) {
            String[] parts = line.strip().split("\\|", -1);
            out.add(parts);
        }
        return out;
    }

    @Test
    void noCommandStaysAsAWordAfterANumberDateOrTime() {
        List<String> failures = new ArrayList<>();
        for (String[] form : FORMS) {
            for (String[] command : COMMANDS) {
                String spoken = "vi noterade " + form[0] + " " + command[0] + " pappa ringde sedan";
                StructuredNote note = structurer.structure(Transcript.of(spoken), template);
                String problem = problem(note, form, command);
                if (problem != null) {
                    failures.add(spoken + " → " + note.text() + " " + note.removed() + " (" + problem + ")");
                }
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    private static String problem(StructuredNote note, String[] form, String[] command) {
        String text = note.text().toLowerCase(Locale.ROOT);
        String written = form[1].toLowerCase(Locale.ROOT);
        String commandWords = command[0];
        if (commandWords.startsWith("radera") || commandWords.startsWith("nej")) {
            boolean removed = note.removed().stream().anyMatch(r -> r.spoken().endsWith(form[0]));
            return removed && !text.contains(written) && text.startsWith("pappa ringde") ? null : "not deleted";
        }
        if (text.contains(" " + commandWords.split(" ")[0] + " ") || text.contains(" " + commandWords.split(" ")[0] + ".")) {
            return "command left as a word";
        }
        if (!text.contains(written + command[1])) {
            return "written form broken";
        }
        if (commandWords.startsWith("rubrik")) {
            StructuredNote.Sentence last = note.sentences().get(note.sentences().size() - 1);
            return last.section() == SectionKey.BEDOMNING && last.heading() ? null : "heading not applied";
        }
        return null;
    }
}
