package se.dikta.structure.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Corpus files under a folder inside a jar (the shaded server jar). Each call opens the jar and closes it
 * again: no zip file system stays open for the life of the JVM.
 */
public final class JarCorpusSource implements CorpusSource {

    private final Path jar;
    private final String root;

    /** @param root the folder inside the jar, e.g. "nlp" (no leading or trailing slash) */
    public JarCorpusSource(Path jar, String root) {
        this.jar = jar;
        this.root = root.isEmpty() ? "" : root + "/";
    }

    @Override
    public List<String> list(String folder, String suffix) throws IOException {
        String prefix = entry(folder + "/");
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .filter(e -> !e.isDirectory())
                    .map(JarEntry::getName)
                    .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0 && n.endsWith(suffix))
                    .map(n -> folder + "/" + n.substring(prefix.length()))
                    .sorted()
                    .toList();
        }
    }

    /** The jar entry of a path relative to the folder; "." and "./" name the folder itself, as on a disk. */
    private String entry(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return root + p;
    }

    @Override
    public String read(String path) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(entry(path));
            if (entry == null) {
                throw new NoSuchFileException(jar + "!/" + entry(path));
            }
            try (InputStream in = file.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Override
    public String describe() {
        return "jar:" + jar.toUri() + "!/" + root;
    }
}
