package se.dikta.structure.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathFolderTest {

    @TempDir
    Path dir;

    @Test
    void folderInsideAJarIsListedAndReadWithoutLeavingAZipFileSystemOpen() throws Exception {
        Path jar = dir.resolve("server.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "nlp/README.md", "marker");
            put(out, "nlp/sections/b.tsv", "rad b");
            put(out, "nlp/sections/a.tsv", "rad å");
            put(out, "nlp/sections/deeper/c.tsv", "not directly in the folder");
            put(out, "nlp/sections/notes.txt", "other suffix");
            put(out, "nlp/top.json", "{}");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            CorpusSource source = ClasspathFolder.folderOf(loader, "nlp/README.md");

            assertThat(source.list("sections", ".tsv")).containsExactly("sections/a.tsv", "sections/b.tsv");
            assertThat(source.read("sections/a.tsv")).isEqualTo("rad å");
            assertThat(source.list("missing", ".tsv")).isEmpty();
            // the folder itself, as the template catalogue lists it
            assertThat(source.list(".", ".json")).containsExactly("./top.json");
            assertThat(source.read("./top.json")).isEqualTo("{}");
        }
        assertThatThrownBy(() -> FileSystems.getFileSystem(URI.create("jar:" + jar.toUri())))
                .isInstanceOf(FileSystemNotFoundException.class);
    }

    @Test
    void folderInADirectoryIsReadFromTheFileSystem() throws Exception {
        Files.createDirectories(dir.resolve("nlp/sections"));
        Files.writeString(dir.resolve("nlp/README.md"), "marker");
        Files.writeString(dir.resolve("nlp/sections/a.tsv"), "rad");
        Files.writeString(dir.resolve("nlp/top.json"), "{}");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            CorpusSource source = ClasspathFolder.folderOf(loader, "nlp/README.md");

            assertThat(source.list("sections", ".tsv")).containsExactly("sections/a.tsv");
            assertThat(source.read("sections/a.tsv")).isEqualTo("rad");
            assertThat(source.list(".", ".json")).containsExactly("./top.json");
        }
    }

    private static void put(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
