package se.dikta.asr;

import java.io.IOException;
import java.nio.file.Path;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;

/** A freshly generated tone model, loaded the way the server loads models (verifier, then SpeechModel). */
record LoadedToneModel(ToneModel tone, SpeechModel speech, ToneWavWriter writer) implements AutoCloseable {

    static LoadedToneModel generate(Path dir) throws IOException, ModelException {
        ToneModel tone = new ToneModelGenerator().generate(dir);
        return new LoadedToneModel(tone, SpeechModel.load(new ModelVerifier().verify(tone.dir())), new ToneWavWriter(tone));
    }

    @Override
    public void close() {
        speech.close();
    }
}
