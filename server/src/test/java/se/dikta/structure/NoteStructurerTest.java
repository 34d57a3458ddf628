package se.dikta.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.dikta.structure.StructuredNote.Entity;
import se.dikta.structure.StructuredNote.Sentence;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.core.Transcript.TimeSpan;
import se.dikta.structure.template.Template;
import se.dikta.structure.template.TemplateCatalog;

class NoteStructurerTest {

    private final NoteStructurer structurer = TrainedModels.structurer();
    private final TemplateCatalog templates = TrainedModels.templates();

    private StructuredNote structure(String text, String template) {
        return structurer.structure(Transcript.of(text), templates.find(template).orElseThrow());
    }

    @Test
    void structuresADictatedNote() {
        StructuredNote note = structure("hembesök hos familjen den tredje april klockan tio"
                + " närvarande var mamma lisa och undertecknad"
                + " mamma berättar att hon sover dåligt"
                + " undertecknad bedömer att familjen behöver stöd"
                + " nästa hembesök bokas den tionde april", "journalanteckning");
        assertThat(note.sentences()).extracting(Sentence::text).containsExactly(
                "Hembesök hos familjen den 3 april klockan 10.00.",
                "Närvarande var mamma Lisa och undertecknad.",
                "Mamma berättar att hon sover dåligt.",
                "Undertecknad bedömer att familjen behöver stöd.",
                "Nästa hembesök bokas den 10 april.");
        assertThat(note.sentences()).extracting(Sentence::section).containsExactly(SectionKey.KONTAKT,
                SectionKey.NARVARANDE, SectionKey.INFORMATION, SectionKey.BEDOMNING, SectionKey.PLANERING);
        assertThat(note.sections()).extracting(StructuredNote.Section::title)
                .containsExactly("Kontakt", "Närvarande", "Information", "Bedömning", "Planering");
        assertThat(note.entities()).extracting(e -> e.type() + ":" + e.text())
                .containsExactly("DATE:den 3 april", "TIME:klockan 10.00", "PERSON:Lisa", "DATE:den 10 april");
    }

    @Test
    void everySentenceKeepsItsTranscriptWordsAndTimes() {
        List<String> words = List.of("mamma", "sover", "dåligt", "punkt", "pappa", "arbetar", "natt");
        List<TimeSpan> times = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            times.add(new TimeSpan(i * 0.5, i * 0.5 + 0.4));
        }
        StructuredNote note = structurer.structure(new Transcript(words, times),
                templates.find("journalanteckning").orElseThrow());
        assertThat(note.sentences()).hasSize(2);
        assertThat(note.sentences().get(0).words()).isEqualTo(new StructuredNote.WordRange(0, 3));
        assertThat(note.sentences().get(1).words()).isEqualTo(new StructuredNote.WordRange(4, 7));
        assertThat(note.sentences().get(1).time()).isEqualTo(new StructuredNote.TimeRange(2.0, 3.4));
    }

    @Test
    void offsetsPointIntoTheReturnedTexts() {
        StructuredNote note = structure("mamma lisa andersson ringde från bup den femte maj"
                + " hon nås på noll sju noll ett två tre fyra fem sex sju"
                + " pappa johan bor på storgatan tolv i uppsala", "journalanteckning");
        assertThat(note.text()).isEqualTo(String.join(" ", note.sentences().stream().map(Sentence::text).toList()));
        assertThat(note.entities()).hasSizeGreaterThanOrEqualTo(6);
        for (Entity e : note.entities()) {
            assertThat(note.text().substring(e.start(), e.end())).isEqualTo(e.text());
        }
        for (Sentence s : note.sentences()) {
            assertThat(note.text().substring(s.start(), s.end())).isEqualTo(s.text());
            for (Entity e : s.entities()) {
                assertThat(s.text().substring(e.start(), e.end())).isEqualTo(e.text());
            }
        }
        assertThat(note.entities()).extracting(e -> e.type() + ":" + e.text()).contains("PERSON:Lisa Andersson",
                "ORGANIZATION:BUP", "PHONE:070-123 45 67", "PLACE:Storgatan 12", "PLACE:Uppsala");
    }

    @Test
    void headingsOverrideTheModel() {
        StructuredNote note = structure("rubrik bedömning mamma berättar att hon sover dåligt", "journalanteckning");
        Sentence sentence = note.sentences().get(0);
        assertThat(sentence.section()).isEqualTo(SectionKey.BEDOMNING);
        assertThat(sentence.heading()).isTrue();
        assertThat(sentence.confidence()).isEqualTo(1.0);
    }

    @Test
    void theTemplateOrdersAndTitlesTheSectionsAndTakesInKeysItLacks() {
        Template phoneCall = templates.find("telefonsamtal").orElseThrow();
        StructuredNote note = structurer.structure(Transcript.of("telefonsamtal med mamma den femte maj punkt"
                + " närvarande var mamma och undertecknad punkt nästa samtal bokas i juni"), phoneCall);
        assertThat(note.template()).isEqualTo("telefonsamtal");
        assertThat(note.sections()).extracting(StructuredNote.Section::key)
                .containsExactly(SectionKey.KONTAKT, SectionKey.PLANERING);
        assertThat(note.sections().get(0).title()).isEqualTo("Samtal");
        assertThat(note.sections().get(0).text())
                .isEqualTo("Telefonsamtal med mamma den 5 maj. Närvarande var mamma och undertecknad.");
    }

    @Test
    void layoutCommandsShapeTheSectionText() {
        StructuredNote note = structure("rubrik information mamma berättar att hon sover dåligt ny rad"
                + " pappa säger att han arbetar natt nytt stycke skolan uppger att pojken är trött", "journalanteckning");
        assertThat(note.sections()).hasSize(1);
        assertThat(note.sections().get(0).text()).isEqualTo("Mamma berättar att hon sover dåligt.\n"
                + "Pappa säger att han arbetar natt.\n\nSkolan uppger att pojken är trött.");
    }

    @Test
    void correctionsRemoveTextAndSayWhat() {
        StructuredNote note = structure("mamma sover dåligt punkt pappa är arg radera senaste meningen"
                + " pappa är lugn", "journalanteckning");
        assertThat(note.sentences()).extracting(Sentence::text)
                .containsExactly("Mamma sover dåligt.", "Pappa är lugn.");
        assertThat(note.removed()).containsExactly(
                new StructuredNote.Removed("pappa är arg", new StructuredNote.WordRange(4, 7)));
    }

    @Test
    void warnsAboutAssessmentsAmongFactsAndInvalidPersonnummer() {
        StructuredNote note = structure("rubrik information pappa verkar trött och orolig punkt"
                + " hans personnummer är nitton åttiofyra noll tre tolv fyra fem sex åtta", "journalanteckning");
        assertThat(note.warnings()).extracting(StructuredNote.Warning::sentence).containsExactly(0, 0, 1);
        assertThat(note.warnings().get(0).message()).contains("verkar");
        assertThat(note.warnings().get(1).message()).contains("ingen källa");
        assertThat(note.warnings().get(2).message()).contains("kontrollsiffra");
    }

    @Test
    void warnsWhenInformationNamesNoSourceButNotWhenItDoes() {
        StructuredNote note = structure("rubrik information hon har ont i höften punkt"
                + " mamma berättar att hon sover dåligt punkt hon har också tappat aptiten punkt"
                + " enligt skolan har pojken hög frånvaro", "journalanteckning");
        assertThat(note.warnings()).extracting(StructuredNote.Warning::sentence).containsExactly(0);
        assertThat(note.warnings().get(0).message()).contains("ingen källa", "SOSFS 2014:5");
    }

    @Test
    void writesOnlyTheRepairedPhraseAndListsWhatWasTakenOut() {
        StructuredNote note = structure("hembesök hos familjen den tolfte mars nej förlåt den trettonde mars"
                + " punkt hon svarade nej", "journalanteckning");
        assertThat(note.sentences()).extracting(Sentence::text)
                .containsExactly("Hembesök hos familjen den 13 mars.", "Hon svarade nej.");
        assertThat(note.removed()).containsExactly(new StructuredNote.Removed("den tolfte mars nej förlåt",
                new StructuredNote.WordRange(3, 8), StructuredNote.Removed.REPAIR, 0, "den trettonde mars"));
        assertThat(note.warnings()).filteredOn(w -> w.message().startsWith("Rättelse"))
                .extracting(StructuredNote.Warning::sentence).containsExactly(0);
    }

    @Test
    void givesTheSameNotesWhenManyThreadsShareTheModels() throws Exception {
        List<String> dictations = List.of(
                "hembesök hos familjen den tredje april klockan tio mamma lisa berättar att hon sover dåligt",
                "telefonsamtal med skolans kurator hon uppger att kenan har hög frånvaro ett möte bokas i maj",
                "närvarande var pappa johan och undertecknad pappa säger att han arbetar natt familjen behöver stöd");
        Template template = templates.find("journalanteckning").orElseThrow();
        List<StructuredNote> expected = dictations.stream()
                .map(d -> structurer.structure(Transcript.of(d), template)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int k = i % dictations.size();
                tasks.add(() -> structurer.structure(Transcript.of(dictations.get(k)), template).equals(expected.get(k)));
            }
            for (Future<Boolean> same : pool.invokeAll(tasks)) {
                assertThat(same.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void structuresAnEmptyDictationToAnEmptyNote() {
        StructuredNote note = structure("punkt ny rad", "journalanteckning");
        assertThat(note.sentences()).isEmpty();
        assertThat(note.sections()).isEmpty();
        assertThat(note.text()).isEmpty();
    }
}
