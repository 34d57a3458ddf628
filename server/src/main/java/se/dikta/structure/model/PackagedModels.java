package se.dikta.structure.model;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The model binaries trained at build time from the packaged models/nlp ({@link NlpModelBuild}) and shipped in
 * the jar under {@code nlp-models/}, with the fingerprint of the data they were trained from. They are used
 * only when that fingerprint equals the one of the data the server is configured with, so changed or custom
 * training data ({@code structure.trainingDir}) is trained as before.
 */
public final class PackagedModels {

    static final String FOLDER = "nlp-models/";
    static final String FINGERPRINT_FILE = "fingerprint.txt";

    private final ClassLoader loader;

    private PackagedModels(ClassLoader loader) {
        this.loader = loader;
    }

    public static PackagedModels onClasspath(ClassLoader loader) {
        return new PackagedModels(loader);
    }

    /** Never matches: always train (or use the cache), e.g. to measure training. */
    public static PackagedModels none() {
        return new PackagedModels(null);
    }

    /** True when the packaged binaries were trained from data with this fingerprint. */
    public boolean matches(String fingerprint) throws IOException {
        if (loader == null || loader.getResource(FOLDER + FINGERPRINT_FILE) == null) {
            return false;
        }
        try (InputStream in = open(FINGERPRINT_FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().equals(fingerprint);
        }
    }

    <T> T read(String file, NlpModelStore.Reader<T> reader) throws IOException {
        try (InputStream in = new BufferedInputStream(open(file))) {
            return reader.read(in);
        }
    }

    public String describe() {
        URL url = loader == null ? null : loader.getResource(FOLDER + FINGERPRINT_FILE);
        return url == null ? "none" : url.toString().replace(FINGERPRINT_FILE, "");
    }

    private InputStream open(String file) throws IOException {
        InputStream in = loader.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new FileNotFoundException("Not on the class path: " + FOLDER + file);
        }
        return in;
    }
}
