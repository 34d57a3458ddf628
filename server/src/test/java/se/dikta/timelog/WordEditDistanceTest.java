package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.dikta.notes.NoteMode;

class WordEditDistanceTest {

    @Test
    void countsSubstitutedAndInsertedWords() {
        assertThat(WordEditDistance.between(
                "Mamman berättar att pojken sover dåligt.",
                "Mamman uppger att pojken sover mycket dåligt.")).isEqualTo(2);
    }

    @Test
    void countsDeletedWords() {
        // "i", "dag", "kl", "14.00"
        assertThat(WordEditDistance.between("Hembesök hos familjen i dag kl. 14.00", "Hembesök hos familjen")).isEqualTo(4);
    }

    @Test
    void ignoresPunctuationAndSpacingButNotCase() {
        assertThat(WordEditDistance.between("Hej, där.  Ny rad", "Hej där\nNy rad")).isZero();
        assertThat(WordEditDistance.between("anna berättar", "Anna berättar")).isEqualTo(1);
    }

    @Test
    void anEmptyProposalMeansEveryWordWasWritten() {
        assertThat(WordEditDistance.between("", "tre ord här")).isEqualTo(3);
        assertThat(WordEditDistance.between("tre ord här", null)).isEqualTo(3);
    }

    @Test
    void keepsHyphenatedAndNumericTokensWhole() {
        assertThat(WordEditDistance.words("BUP-kontakt den 12 mars, kl. 14.00 (19840312-4567)"))
                .containsExactly("BUP-kontakt", "den", "12", "mars", "kl", "14.00", "19840312-4567");
    }

    @Test
    void measuredEntryKeepsOnlyFigures() {
        TimeLogEntry e = TimeLogEntry.measure(1, 2, "n1", "journalanteckning", NoteMode.DICTATED, LogEvent.SIGN,
                "Mamman berättar att pojken sover dåligt.", "Mamman uppger att pojken sover mycket dåligt.",
                30, 45, java.time.Instant.parse("2025-02-03T10:00:00Z"));
        assertThat(e.words()).isEqualTo(7);
        assertThat(e.chars()).isEqualTo(45);
        assertThat(e.changedWords()).isEqualTo(2);
        assertThat(e.proposalWords()).isEqualTo(6);
    }
}
