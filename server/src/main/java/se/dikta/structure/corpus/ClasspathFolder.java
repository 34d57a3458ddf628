package se.dikta.structure.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Locates a folder packaged on the class path (the server jar puts models/nlp under {@code nlp/} and
 * models/templates under {@code templates/}) by a file known to be in it, so that its other files can
 * be listed both from target/classes and from inside the shaded jar.
 */
public final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /** @param marker a resource inside the folder, e.g. "nlp/README.md" */
    public static DirectoryCorpusSource folderOf(ClassLoader loader, String marker) {
        URL url = loader.getResource(marker);
        if (url == null) {
            throw new IllegalStateException("Resource not on the class path: " + marker);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                openZipFileSystem(uri);
            }
            Path file = Path.of(uri);
            return new DirectoryCorpusSource(file.getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad resource URL " + url, e);
        }
    }

    private static void openZipFileSystem(URI uri) {
        try {
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // opened by an earlier lookup: Path.of(uri) finds it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
