package se.dikta.structure.corpus;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Locates a folder packaged on the class path (the server jar puts models/nlp under {@code nlp/} and
 * models/templates under {@code templates/}) by a file known to be in it, so that its other files can
 * be listed both from target/classes and from inside the shaded jar (without opening a JVM-wide zip file
 * system).
 */
public final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /** @param marker a resource inside the folder, e.g. "nlp/README.md" */
    public static CorpusSource folderOf(ClassLoader loader, String marker) {
        URL url = loader.getResource(marker);
        if (url == null) {
            throw new IllegalStateException("Resource not on the class path: " + marker);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                String spec = uri.getRawSchemeSpecificPart();
                int bang = spec.indexOf("!/");
                Path jar = Path.of(new URI(spec.substring(0, bang)));
                String entry = spec.substring(bang + 2);
                int slash = entry.lastIndexOf('/');
                return new JarCorpusSource(jar, slash < 0 ? "" : entry.substring(0, slash));
            }
            return new DirectoryCorpusSource(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad resource URL " + url, e);
        }
    }
}
