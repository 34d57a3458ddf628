package se.dikta.asr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Prints the library loop's CPU seconds per audio second for tone models with hidden layers of several sizes
 * ({@code -Dasr.calibrate=LAYERSxWIDTH,...}), to choose the variants {@link AsrBenchmark} runs with.
 */
@Tag("bench")
class ToneModelCalibration {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path tmp;

    @Test
    void printsDecodingCostPerSize() throws Exception {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        String sizes = System.getProperty("asr.calibrate", "0x0,2x256,2x512,3x768,4x1024");
        ToneModel plain = new ToneModelGenerator().generate(tmp.resolve("plain"));
        ToneAudio audio = new ToneWavWriter(plain).render(
                "hallå mötet bedömning | förskola punkt rubrik barnet | mamma pappa skolan | samtal oro stöd åtgärd",
                16000);
        for (String size : sizes.split(",")) {
            String[] lw = size.split("x");
            int layers = Integer.parseInt(lw[0]);
            int width = Integer.parseInt(lw[1]);
            Path dir = tmp.resolve("m" + size);
            long g0 = System.nanoTime();
            new ToneModelGenerator().withHiddenLayers(layers, width).generate(dir);
            double generate = (System.nanoTime() - g0) / 1e9;
            long l0 = System.nanoTime();
            try (Model model = new Model(dir.toString())) {
                double load = (System.nanoTime() - l0) / 1e9;
                double best = Double.MAX_VALUE;
                double[] chunkMs = null;
                for (int run = 0; run < 4; run++) {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    try (Recognizer rec = new Recognizer(model, 16000)) {
                        byte[] pcm = audio.pcm();
                        double[] ms = new double[(pcm.length + 3199) / 3200];
                        for (int off = 0; off < pcm.length; off += 3200) {
                            int len = Math.min(3200, pcm.length - off);
                            long t0 = System.nanoTime();
                            if (!rec.acceptWaveForm(Arrays.copyOfRange(pcm, off, off + len), len)) {
                                rec.getPartialResult(); // as the server does after each frame
                            }
                            ms[off / 3200] = (System.nanoTime() - t0) / 1e6;
                        }
                        Arrays.sort(ms);
                        chunkMs = ms;
                        rec.getFinalResult();
                    }
                    double c = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9 / audio.seconds();
                    if (run > 0) {
                        best = Math.min(best, c);
                    }
                }
                System.out.printf(Locale.ROOT, "CALIBRATION %s: %.4f CPU s per audio s, a 100 ms chunk (+ partial) "
                        + "takes p50 %.1f / p95 %.1f / max %.1f ms wall (model %.1f MB, generated in"
                        + " %.1f s, loaded in %.1f s, load average %s)%n", size, best, chunkMs[chunkMs.length / 2],
                        chunkMs[(int) (chunkMs.length * 0.95)], chunkMs[chunkMs.length - 1],
                        Files.size(dir.resolve("am/final.mdl")) / 1e6, generate, load,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        }
    }
}
