package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.testing.ToneModelGenerator;

class ModelVerifierTest {

    @TempDir
    Path tmp;
    Path model;
    final ModelVerifier verifier = new ModelVerifier();

    @BeforeEach
    void generate() throws IOException {
        model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone")).dir();
    }

    @Test
    void acceptsAGoodModelAndReadsItsRate() throws ModelException {
        ModelInfo info = verifier.verify(model);
        assertThat(info.name()).isEqualTo("vosk-model-tone");
        assertThat(info.sampleRate()).isEqualTo(16000);
    }

    @Test
    void namesTheMissingFile() throws IOException {
        Files.delete(model.resolve("graph/words.txt"));
        assertThatThrownBy(() -> verifier.verify(model)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Modellfil saknas: graph/words.txt");
    }

    @Test
    void rejectsAMissingDirectory() {
        assertThatThrownBy(() -> verifier.verify(tmp.resolve("nowhere"))).hasMessageContaining("finns inte");
    }

    @Test
    void rejectsATruncatedGraph() throws IOException {
        Path hclg = model.resolve("graph/HCLG.fst");
        byte[] bytes = Files.readAllBytes(hclg);
        Files.write(hclg, java.util.Arrays.copyOf(bytes, bytes.length - 16));
        assertThatThrownBy(() -> verifier.verify(model)).hasMessageContaining("fel längd");
    }

    @Test
    void rejectsAGraphWithoutTheFstMagic() throws IOException {
        Files.write(model.resolve("graph/HCLG.fst"), "not an fst at all".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> verifier.verify(model)).hasMessageContaining("fel filhuvud");
    }

    @Test
    void rejectsAnAcousticModelInAnUnknownFormat() throws IOException {
        Files.writeString(model.resolve("am/final.mdl"), "garbage");
        assertThatThrownBy(() -> verifier.verify(model)).hasMessageContaining("okänt format");
    }

    @Test
    void rejectsEmptyFiles() throws IOException {
        Files.write(model.resolve("conf/model.conf"), new byte[0]);
        assertThatThrownBy(() -> verifier.verify(model)).hasMessageContaining("orimlig storlek");
    }

    @Test
    void rejectsAMalformedWordList() throws IOException {
        Files.writeString(model.resolve("graph/words.txt"), "<eps> 0\nhallå x\n");
        assertThatThrownBy(() -> verifier.verify(model)).hasMessageContaining("ogiltig rad 2");
    }

    @Test
    void checksTheInstalledManifest() throws Exception {
        writeManifest();
        assertThat(verifier.verify(model).name()).isEqualTo("vosk-model-tone");
        // a parseable change the structural checks cannot see: a positive transition log-probability
        Path mdl = model.resolve("am/final.mdl");
        Files.writeString(mdl, Files.readString(mdl).replaceFirst("-0\\.6931472", "0.6931472"));
        assertThatThrownBy(() -> verifier.verify(model)).hasMessageContaining("fel SHA-256")
                .hasMessageContaining("final.mdl");
    }

    private void writeManifest() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(model)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
            sb.append(HexFormat.of().formatHex(digest)).append("  ./").append(model.relativize(f)).append('\n');
        }
        Files.writeString(model.resolve(ModelVerifier.MANIFEST), sb.toString());
    }
}
