package se.dikta.asr;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vosk.Recognizer;
import se.dikta.speech.WordTiming;

/**
 * One Recognizer plus the resampler in front of it. Not thread-safe: the owner makes sure one thread
 * at a time uses it (the Recognizer is native state that must not be entered concurrently).
 */
public final class Decoder implements AutoCloseable {

    /** Vosk checks for an endpoint once per call: 100 ms pieces keep utterances apart. */
    private static final double PIECE_SECONDS = 0.1;

    private final Recognizer recognizer;
    private final Resampler resampler;
    private final int piece;
    private long inputSamples;
    private String lastPartial = "";
    private String lastPartialJson = "";

    public Decoder(SpeechModel model, int inputRate) throws IOException {
        this.recognizer = model.newRecognizer();
        this.resampler = new Resampler(inputRate, model.sampleRate());
        this.piece = (int) (model.sampleRate() * PIECE_SECONDS);
    }

    /** Seconds of input audio accepted so far. */
    public double audioSeconds() {
        return (double) inputSamples / resampler.inRate();
    }

    /**
     * Decodes mono samples at the input rate, {@code seq} being the frame they came in. Returns the
     * utterances they finished and, when the hypothesis changed, the new partial text.
     */
    public List<DecodeEvent> accept(short[] samples, int count, long seq) {
        inputSamples += count;
        List<DecodeEvent> events = new ArrayList<>();
        feed(resampler.process(samples, count), seq, events);
        String json = recognizer.getPartialResult();
        if (json.equals(lastPartialJson)) {
            return events; // nothing new: most frames; skip the JSON parsing
        }
        lastPartialJson = json;
        String partial = partialText(json);
        if (!partial.equals(lastPartial)) {
            lastPartial = partial;
            events.add(new DecodeEvent.Partial(partial));
        }
        return events;
    }

    /** Ends the audio: flushes resampler and recogniser; the last utterance, possibly empty. */
    public List<DecodeEvent> finish(long seq) {
        List<DecodeEvent> events = new ArrayList<>();
        feed(resampler.flush(), seq, events);
        events.add(new DecodeEvent.Final(parseResult(recognizer.getFinalResult(), seq)));
        lastPartial = "";
        lastPartialJson = "";
        return events;
    }

    private void feed(short[] audio, long seq, List<DecodeEvent> events) {
        for (int off = 0; off < audio.length; off += piece) {
            int len = Math.min(piece, audio.length - off);
            short[] part = off == 0 && len == audio.length ? audio : Arrays.copyOfRange(audio, off, off + len);
            if (recognizer.acceptWaveForm(part, len)) {
                events.add(new DecodeEvent.Final(parseResult(recognizer.getResult(), seq)));
                lastPartial = "";
                lastPartialJson = "";
            }
        }
    }

    static String partialText(String json) {
        return new JsonObject(json).getString("partial", "").trim();
    }

    static FinalResult parseResult(String json, long seq) {
        JsonObject result = new JsonObject(json);
        JsonArray words = result.getJsonArray("result", new JsonArray());
        List<WordTiming> timings = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            JsonObject w = words.getJsonObject(i);
            timings.add(new WordTiming(w.getString("word"), w.getDouble("start"), w.getDouble("end"),
                    w.getDouble("conf", 1.0)));
        }
        return new FinalResult(result.getString("text", "").trim(), timings, seq);
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
