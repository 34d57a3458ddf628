package se.dikta.structure.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictationCorpusTest {

    @TempDir
    Path root;

    @Test
    void textWithoutAnUposFileIsReadWithItsWordsTaggedX() throws Exception {
        Path dictation = Files.createDirectories(root.resolve("dictation"));
        Files.writeString(dictation.resolve("news.plain.txt"), "hon kom hem\n\nvi åt\n");
        Files.writeString(dictation.resolve("news.spoken.txt"), "hon kom hem PUNKT\n\nvi åt PUNKT\n");

        DictationCorpus corpus = DictationCorpus.read(new DirectoryCorpusSource(root));

        assertThat(corpus.documents()).containsExactly(List.of(List.of("hon", "kom", "hem")), List.of(List.of("vi", "åt")));
        assertThat(corpus.spoken().get(0)).containsExactly("hon", "kom", "hem", "PUNKT");
        assertThat(corpus.tags().get(0)).containsExactly("X", "X", "X", "CMD");
    }

    @Test
    void taggedAndUntaggedSourcesAreReadSideBySideAndTheTaggedPartLeavesTheUntaggedOut() throws Exception {
        Path dictation = Files.createDirectories(root.resolve("dictation"));
        Files.writeString(dictation.resolve("a.plain.txt"), "hon kom\n");
        Files.writeString(dictation.resolve("a.spoken.txt"), "hon kom PUNKT\n");
        Files.writeString(dictation.resolve("a.upos.txt"), "PRON VERB\n");
        Files.writeString(dictation.resolve("b.plain.txt"), "vi åt\n");
        Files.writeString(dictation.resolve("b.spoken.txt"), "vi åt PUNKT\n");

        DictationCorpus corpus = DictationCorpus.read(new DirectoryCorpusSource(root));

        assertThat(corpus.tags()).containsExactly(List.of("PRON", "VERB", "CMD"), List.of("X", "X", "CMD"));
        assertThat(corpus.tagged().spoken()).containsExactly(List.of("hon", "kom", "PUNKT"));
    }
}
