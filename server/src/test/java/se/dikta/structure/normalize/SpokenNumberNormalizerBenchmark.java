package se.dikta.structure.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.testing.BenchmarkReport;

/** Words per second of the normaliser on one thread; writes its section of docs/benchmarks.md. */
@Tag("bench")
class SpokenNumberNormalizerBenchmark {

    private static final String SECTION = "normalize";

    /** Dictated sentences in recogniser form, numbers in about every other one, as in a journal note. */
    private static final List<String> SENTENCES = List.of(
            "hembesök hos familjen andersson den tolfte mars klockan fjorton",
            "närvarande var mamma sara pappa mohammed samt barnen yusuf åtta år zainab fem år och ali två år",
            "mamma berättar att hon sover dåligt och att hon är orolig för sonens skolgång",
            "jonas har en hyra på sju tusen åtta hundra kronor i månaden och en skuld till elbolaget",
            "lägenheten var städad och barnen satt i soffan och tittade på tv när vi kom",
            "mentorn uppger att noah har haft fyrtio procent frånvaro sedan jullovet",
            "undertecknad bedömer att en utredning enligt elva kapitlet ett paragrafen socialtjänstlagen ska inledas",
            "närvarande var sökande viktor petrov personnummer nitton nittio noll fyra tjugotvå fem tre ett åtta",
            "det nya numret är noll sju tre fyra fem sex sju åtta nio noll",
            "hon säger att han lämnade hemmet klockan tio i går kväll efter ett bråk om pengar",
            "familjen bor på storgatan tolv sedan tjugo tjugotvå och har tre barn",
            "nästa hembesök blir den tredje april klockan halv tre och då deltar även skolkuratorn",
            "vi kom överens om att mamma ska kontakta vårdcentralen innan nästa möte",
            "pojken har varit frånvarande fjorton gånger under de senaste tjugo tre dagarna",
            "det finns oro för att barnen inte får den tillsyn de behöver enligt paragraf sex lvu");
    private static final int WARM_UP_ROUNDS = 20_000;
    private static final int MEASURED_ROUNDS = 60_000;

    @Test
    void measuresWordsPerSecond() throws IOException {
        SpokenNumberNormalizer normalizer = new SpokenNumberNormalizer();
        List<List<String>> sentences = SENTENCES.stream().map(Spoken::words).toList();
        int wordsPerRound = sentences.stream().mapToInt(List::size).sum();

        long checksum = run(normalizer, sentences, WARM_UP_ROUNDS);
        long start = System.nanoTime();
        checksum += run(normalizer, sentences, MEASURED_ROUNDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double wordsPerSecond = (double) wordsPerRound * MEASURED_ROUNDS / seconds;
        assertThat(checksum).isPositive();

        String report = String.format(Locale.ROOT, """
                ### Spoken-number normalisation (`SpokenNumberNormalizer`)

                One thread, %d dictated sentences (%d words, numbers in most of them) normalised %,d times after a
                warm-up of %,d rounds: **%,.0f words/s** (%.2f µs per sentence).
                """, sentences.size(), wordsPerRound, MEASURED_ROUNDS, WARM_UP_ROUNDS, wordsPerSecond,
                seconds * 1e6 / ((double) MEASURED_ROUNDS * sentences.size()));
        System.out.println(report);
        BenchmarkReport.writeSection(SECTION, report);
    }

    private static long run(SpokenNumberNormalizer normalizer, List<List<String>> sentences, int rounds) {
        long tokens = 0;
        for (int r = 0; r < rounds; r++) {
            for (List<String> sentence : sentences) {
                tokens += normalizer.normalize(sentence).size();
            }
        }
        return tokens;
    }
}
