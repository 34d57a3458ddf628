package se.dikta.structure.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Corpus files under a directory of the file system. */
public final class DirectoryCorpusSource implements CorpusSource {

    private final Path root;

    public DirectoryCorpusSource(Path root) {
        this.root = root;
    }

    @Override
    public List<String> list(String folder, String suffix) throws IOException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .sorted()
                    .map(name -> folder + "/" + name)
                    .toList();
        }
    }

    @Override
    public String read(String path) throws IOException {
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return root.toUri().toString();
    }
}
