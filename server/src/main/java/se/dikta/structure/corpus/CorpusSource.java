package se.dikta.structure.corpus;

import java.io.IOException;
import java.util.List;

/**
 * Where the training corpora are read from: the {@code nlp/} folder packaged in the jar, or a directory
 * (a checkout's models/nlp, or test fixtures). Files are listed in name order so that training is
 * deterministic.
 */
public interface CorpusSource {

    /** Relative paths ("sections/lss.tsv") of the files directly in {@code folder} ending with {@code suffix}. */
    List<String> list(String folder, String suffix) throws IOException;

    /** The UTF-8 text of a file named by {@link #list}. */
    String read(String path) throws IOException;

    /** A short human description for logs and reports. */
    String describe();
}
