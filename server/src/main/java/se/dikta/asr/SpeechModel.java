package se.dikta.asr;

import java.io.IOException;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The loaded Vosk model. One instance serves every stream: a Model is shared by Recognizers on
 * different threads, each Recognizer belongs to one stream.
 */
public final class SpeechModel implements AutoCloseable {

    private final ModelInfo info;
    private final Model model;

    private SpeechModel(ModelInfo info, Model model) {
        this.info = info;
        this.model = model;
    }

    /**
     * Loads a verified model; blocking, seconds for a real model. JNA picks its string encoding when
     * libvosk is registered, so UTF-8 is forced before the first Vosk class initialises: under a C or
     * Latin-1 locale "hallå" would otherwise come back garbled.
     */
    public static SpeechModel load(ModelInfo info) throws ModelException {
        System.setProperty("jna.encoding", "UTF-8");
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            return new SpeechModel(info, new Model(info.dir().toAbsolutePath().toString()));
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new ModelException("Taligenkänningsmodellen kunde inte läsas in från " + info.dir()
                    + ": " + e.getMessage(), e);
        }
    }

    public ModelInfo info() {
        return info;
    }

    public int sampleRate() {
        return info.sampleRate();
    }

    /** A recogniser at the model's own rate, reporting word times. */
    Recognizer newRecognizer() throws IOException {
        Recognizer recognizer = new Recognizer(model, info.sampleRate());
        recognizer.setWords(true);
        return recognizer;
    }

    @Override
    public void close() {
        model.close();
    }
}
