package se.dikta.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The developer guide's size rule: a source file of more than 300 lines is a class doing more than one thing.
 * Holds for the server's code and for all test code (a suite that grows past it splits by behaviour, keeping its
 * thin subclass per database).
 */
class ClassSizeTest {

    static final int MAX_LINES = 300;

    @Test
    void everyServerAndTestClassHasAtMost300Lines() throws IOException {
        List<String> tooLong = Stream.concat(oversized(Path.of("src/main/java")), oversized(Path.of("src/test/java")))
                .toList();
        assertEquals(List.of(), tooLong, "split these by responsibility");
    }

    private static Stream<String> oversized(Path root) throws IOException {
        assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " (tests run from the server module)");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream()
                    .filter(f -> lines(f) > MAX_LINES).map(f -> f + ": " + lines(f) + " lines");
        }
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
