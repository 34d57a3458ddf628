package se.dikta.asr;

import static se.dikta.asr.AsrBenchRuns.RATE;
import static se.dikta.asr.AsrBenchRuns.concat;
import static se.dikta.asr.AsrBenchRuns.sorted;
import static se.dikta.asr.AsrBenchRuns.toArray;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vosk.Model;
import org.vosk.Recognizer;
import se.dikta.asr.AsrBenchRuns.Cost;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/** {@link AsrBenchmark}'s runs of the library without the server: the loop, the server's decoder alone, paced streams. */
final class AsrBenchLibrary {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AsrBenchLibrary() {
    }

    /**
     * The library alone paced like {@link #paced}: all wall times of a 100 ms chunk with its partial (ms, sorted),
     * and those of the chunks that produced what the server sends: a partial whose text changed (as {@link Decoder}
     * reports it) and a final with text. The network runs every few chunks, so most chunks take a fraction of a
     * millisecond, while partials and finals come mostly from the chunks that ran it: their library latency is that
     * of those chunks, not of all.
     */
    record LibPaced(double[] chunks, double[] partials, double[] finals) {
        static final LibPaced NONE = new LibPaced(new double[0], new double[0], new double[0]);

        /** Both runs' chunks together, sorted (alternating rounds). */
        LibPaced plus(LibPaced o) {
            return new LibPaced(sorted(concat(chunks, o.chunks)), sorted(concat(partials, o.partials)),
                    sorted(concat(finals, o.finals)));
        }
    }

    /**
     * The library alone paced in real time, {@code n} recognisers on their own threads at once (starts spread over
     * 1 s as in {@link #paced}): what the server's partial and final latencies are measured against. At n streams
     * two decoders share the cores and the memory bandwidth, which no server can avoid.
     */
    static LibPaced rawPaced(Path modelDir, ToneAudio audio, int n) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try (Model model = new Model(modelDir.toString())) {
            List<Future<LibPaced>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long delay = 1000L * i / n;
                runs.add(threads.submit(() -> {
                    Thread.sleep(delay);
                    return rawPacedStream(model, audio);
                }));
            }
            LibPaced all = LibPaced.NONE;
            for (Future<LibPaced> r : runs) {
                all = all.plus(r.get());
            }
            return all;
        } finally {
            threads.shutdownNow();
        }
    }

    private static LibPaced rawPacedStream(Model model, ToneAudio audio) throws Exception {
        byte[] pcm = audio.pcm();
        int chunk = RATE / 10 * 2;
        List<Double> all = new ArrayList<>();
        List<Double> partials = new ArrayList<>();
        List<Double> finals = new ArrayList<>();
        String lastPartial = "";
        try (Recognizer rec = new Recognizer(model, RATE)) {
            rec.setWords(true);
            long start = System.nanoTime();
            for (int off = 0, k = 0; off < pcm.length; off += chunk, k++) {
                long wait = start + k * 100_000_000L - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int len = Math.min(chunk, pcm.length - off);
                byte[] piece = Arrays.copyOfRange(pcm, off, off + len);
                long t0 = System.nanoTime();
                String text = null;
                String partial = null;
                if (rec.acceptWaveForm(piece, len)) {
                    text = Decoder.parseResult(rec.getResult(), 0).text();
                } else {
                    partial = rec.getPartialResult();
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                all.add(ms);
                if (text != null) {
                    lastPartial = "";
                    if (!text.isEmpty()) {
                        finals.add(ms);
                    }
                } else if (!Decoder.partialText(partial).equals(lastPartial)) {
                    lastPartial = Decoder.partialText(partial);
                    partials.add(ms);
                }
            }
        }
        return new LibPaced(toArray(all), toArray(partials), toArray(finals));
    }

    /** The library alone: one Recognizer fed the audio in 100 ms chunks on this thread; best of the runs after one warm-up. */
    static Cost rawLoop(Path modelDir, ToneAudio audio, boolean partials, int runs) throws Exception {
        try (Model model = new Model(modelDir.toString())) {
            Cost best = null;
            for (int run = 0; run < runs + 1; run++) {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (Recognizer rec = new Recognizer(model, RATE)) {
                    rec.setWords(true);
                    byte[] pcm = audio.pcm();
                    int chunk = RATE / 10 * 2;
                    for (int off = 0; off < pcm.length; off += chunk) {
                        int len = Math.min(chunk, pcm.length - off);
                        if (rec.acceptWaveForm(Arrays.copyOfRange(pcm, off, off + len), len)) {
                            rec.getResult();
                        } else if (partials) {
                            rec.getPartialResult();
                        }
                    }
                    rec.getFinalResult();
                }
                Cost c = new Cost((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - t0) / 1e9,
                        audio.seconds(), Map.of());
                if (run >= 1 && (best == null || c.cpuSeconds() < best.cpuSeconds())) {
                    best = c;
                }
            }
            return best;
        }
    }

    /**
     * The server's own decoding code ({@link Decoder}: frames as shorts, the resampler, a partial after each
     * chunk) on this thread, without the server around it: thread CPU of one pass, as {@link #rawLoop}'s.
     */
    static Cost decoderLoop(Path modelDir, ToneAudio audio) throws Exception {
        try (SpeechModel model = SpeechModel.load(new ModelVerifier().verify(modelDir))) {
            short[] samples = new short[audio.pcm().length / 2];
            java.nio.ByteBuffer.wrap(audio.pcm()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (Decoder decoder = new Decoder(model, RATE)) {
                long seq = 0;
                for (int off = 0; off < samples.length; off += RATE / 10) {
                    short[] frame = Arrays.copyOfRange(samples, off, Math.min(samples.length, off + RATE / 10));
                    decoder.accept(frame, frame.length, ++seq);
                }
                decoder.finish(seq);
            }
            return new Cost((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - t0) / 1e9,
                    audio.seconds(), Map.of());
        }
    }
}
