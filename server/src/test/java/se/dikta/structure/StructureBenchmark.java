package se.dikta.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.eval.HeldOutNote;
import se.dikta.structure.model.NlpModelStore;
import se.dikta.structure.model.PackagedModels;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.template.Template;
import se.dikta.testing.BenchmarkReport;
import se.dikta.testing.TestServer;

/**
 * Whole-note structuring speed on one thread (commands, boundaries, normalisation, names, sections, lint),
 * over the held-out notes as bare recogniser transcripts; also the model training and cache-load times that
 * decide how soon after start-up structuring is available. Writes the "structure" section of docs/benchmarks.md.
 */
@Tag("bench")
class StructureBenchmark {

    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 30;

    @Test
    void measuresWordsPerSecond() throws Exception {
        Path cache = Files.createTempDirectory("dikta-bench-models-");
        long trainStart = System.nanoTime();
        NlpModelStore store = new NlpModelStore(new DirectoryCorpusSource(TrainedModels.repoRoot().resolve("models/nlp")),
                cache, new NumberWords(new SpokenNumberNormalizer()), PackagedModels.none());
        store.loadOrTrain();
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        long loadStart = System.nanoTime();
        store.loadOrTrain();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        TestServer.deleteTree(cache);

        NoteStructurer structurer = TrainedModels.structurer();
        Template template = TrainedModels.templates().find("journalanteckning").orElseThrow();
        List<Transcript> notes = HeldOutNote.readAll(TrainedModels.repoRoot().resolve("models/nlp/heldout")).stream()
                .map(n -> new Transcript(n.transcript(), List.of())).toList();
        int wordsPerRound = notes.stream().mapToInt(Transcript::size).sum();

        long checksum = run(structurer, template, notes, WARM_UP_ROUNDS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        checksum += run(structurer, template, notes, MEASURED_ROUNDS);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(checksum).isPositive();
        double words = (double) wordsPerRound * MEASURED_ROUNDS;
        double wordsPerSecond = words / cpuSeconds;

        String report = String.format(Locale.ROOT, """
                ### Whole-note structuring (`NoteStructurer`)

                One thread, the %d held-out notes as bare transcripts (%,d words, no commands, no word times),
                structured %d times after %d warm-up rounds: **%,.0f words per CPU second** of the one thread
                (%.1f ms of CPU per note of %d words on average); %,.0f words per wall-clock second while the
                machine ran other work (load average %.1f on %d cores). Every stage runs: commands, sentence
                boundaries, normalisation, name finder, sections with the neighbour step, lint. Target: at least
                10,000 words/s on one core.

                Models: training from models/nlp took %.1f s (done at build time, so only a server configured
                with other training data trains at start, in the background, `/api/structure` answering 503
                meanwhile), loading them %.2f s (every start).
                """, notes.size(), wordsPerRound, MEASURED_ROUNDS, WARM_UP_ROUNDS, wordsPerSecond,
                cpuSeconds * 1000 / ((double) MEASURED_ROUNDS * notes.size()), wordsPerRound / notes.size(),
                words / seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), trainSeconds, loadSeconds);
        System.out.println(report);
        BenchmarkReport.writeSection("structure", report);
    }

    private static long run(NoteStructurer structurer, Template template, List<Transcript> notes, int rounds) {
        long sentences = 0;
        for (int r = 0; r < rounds; r++) {
            for (Transcript note : notes) {
                sentences += structurer.structure(note, template).sentences().size();
            }
        }
        return sentences;
    }
}
