package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {

    private static final byte[] SECRET = "a secret of thirty-two bytes!!!!".getBytes(StandardCharsets.UTF_8);

    @Test
    void labelIsStableAndLooksLikeMedarbetareAndFourHexDigits() {
        Pseudonyms p = new Pseudonyms(SECRET);
        assertThat(p.of(7)).matches("Medarbetare [0-9A-F]{4}").isEqualTo(new Pseudonyms(SECRET).of(7));
        assertThat(p.of(7)).isNotEqualTo(p.of(8));
    }

    @Test
    void anotherSecretGivesOtherLabels() {
        byte[] other = "another secret of 32 bytes......".getBytes(StandardCharsets.UTF_8);
        long differing = java.util.stream.LongStream.rangeClosed(1, 20)
                .filter(id -> !new Pseudonyms(SECRET).of(id).equals(new Pseudonyms(other).of(id))).count();
        assertThat(differing).isGreaterThanOrEqualTo(19);
    }

    @Test
    void collidingShortLabelsAreLengthenedWithinAReport() {
        Pseudonyms p = new Pseudonyms(SECRET);
        Map<String, Long> seen = new HashMap<>();
        List<Long> pair = new ArrayList<>();
        for (long id = 1; pair.isEmpty(); id++) {
            Long previous = seen.putIfAbsent(p.of(id), id);
            if (previous != null) {
                pair.add(previous);
                pair.add(id);
            }
        }
        Map<Long, String> labels = p.labels(List.of(pair.get(0), pair.get(1), 999_999L));
        assertThat(labels.get(pair.get(0))).matches("Medarbetare [0-9A-F]{8}").isNotEqualTo(labels.get(pair.get(1)));
        assertThat(labels.get(999_999L)).isEqualTo(p.of(999_999L));
    }

    @Test
    void generatedSecretIsKeptAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("timelog-pseudonym.key");
        Pseudonyms generated = Pseudonyms.of(config(Optional.empty(), file));
        assertThat(file).doesNotExist();
        String first = generated.of(42);
        assertThat(file).exists();
        assertThat(Files.readString(file).trim()).hasSize(64);
        assertThat(Pseudonyms.of(config(Optional.empty(), file)).of(42)).isEqualTo(first);
        assertThat(Pseudonyms.of(config(Optional.of("configured secret, long enough"), file)).of(42)).isNotEqualTo(first);
    }

    private static TimeLogConfig config(Optional<String> secret, Path file) {
        return new TimeLogConfig(19, 10, 365, true, 3, 1000, 1, secret, file);
    }
}
