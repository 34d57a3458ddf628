package se.dikta.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import se.dikta.testing.ToneModel.ToneWord;

/**
 * Writes a tiny but real Kaldi/Vosk model whose "acoustics" are pure tones: each word is bound to the
 * centre frequency of one mel band, silence is silence. The native library decodes it for real
 * (MFCC, nnet3, HCLG search, endpointing, word alignment), so tests exercise the whole path.
 *
 * <p>The network undoes the DCT (num-ceps = num-mel-bins, no lifter, so the MFCCs are an orthonormal
 * transform of the log-mel energies), keeps the energy above a floor (ReLU) and scores each word by the
 * loudness of its band; silence has a constant score that wins when every band is quiet.
 */
public final class ToneModelGenerator {

    /** Swedish vocabulary: å/ä/ö words and the command words "punkt" and "rubrik" included. */
    public static final List<String> VOCABULARY = List.of(
            "hallå", "mötet", "bedömning", "förskola", "punkt", "rubrik", "barnet", "mamma",
            "pappa", "skolan", "samtal", "oro", "stöd", "åtgärd", "läkare", "socialtjänsten");

    private static final int SAMPLE_RATE = 16000;
    private static final int MEL_BINS = 20;
    private static final double LOW_FREQ = 200;
    private static final double HIGH_FREQ = 3700;
    /** Bands used for words: the lowest ones are narrower than a 25 ms window's main lobe. */
    private static final int FIRST_WORD_BAND = 3;
    /** Log-mel energy a band needs before it counts; digital silence sits at log(FLT_EPSILON) = -15.9. */
    private static final double ENERGY_FLOOR = 8.0;
    private static final double WORD_GAIN = 2.0;
    private static final double SILENCE_SCORE = 10.0;

    private final List<String> vocabulary;
    private final int hiddenLayers;
    private final int hiddenWidth;

    public ToneModelGenerator() {
        this(VOCABULARY);
    }

    public ToneModelGenerator(List<String> vocabulary) {
        this(vocabulary, 0, 0);
    }

    private ToneModelGenerator(List<String> vocabulary, int hiddenLayers, int hiddenWidth) {
        if (vocabulary.size() > MEL_BINS - FIRST_WORD_BAND) {
            throw new IllegalArgumentException("at most " + (MEL_BINS - FIRST_WORD_BAND) + " words");
        }
        if (hiddenLayers < 0 || hiddenLayers > 0 && hiddenWidth < MEL_BINS) {
            throw new IllegalArgumentException("hidden layers need a width of at least " + MEL_BINS);
        }
        this.vocabulary = List.copyOf(vocabulary);
        this.hiddenLayers = hiddenLayers;
        this.hiddenWidth = hiddenWidth;
    }

    /**
     * The same model with {@code count} hidden layers (affine + ReLU) of {@code width} units between the band
     * energies and the word scores, so that decoding costs what a real small acoustic model costs (the
     * matrix products are dense whatever the weights). The decoding stays exact: the first 20 units of each
     * layer copy the (non-negative, so ReLU leaves them alone) band energies with weight 1 and bias 0, the
     * other units are computed and read by nothing. Calibrated on the development machine (library loop, CPU s
     * per audio s): 4 × 1024 ≈ 0.012, 4 × 2048 ≈ 0.046; the cost grows with layers × width².
     */
    public ToneModelGenerator withHiddenLayers(int count, int width) {
        return new ToneModelGenerator(vocabulary, count, width);
    }

    /** Writes the model into {@code dir} (created if missing) and describes it. */
    public ToneModel generate(Path dir) throws IOException {
        List<ToneWord> words = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            // phone 1 is silence, words are phones 2.. and word ids 1..
            words.add(new ToneWord(vocabulary.get(i), i + 1, i + 2, bandCentre(FIRST_WORD_BAND + i)));
        }
        Files.createDirectories(dir.resolve("am"));
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("graph/phones"));
        write(dir.resolve("conf/mfcc.conf"), mfccConf());
        write(dir.resolve("conf/model.conf"), modelConf());
        write(dir.resolve("am/final.mdl"), transitionModel(words.size() + 1) + nnet(words.size() + 1));
        write(dir.resolve("graph/words.txt"), ToneGraph.wordsTxt(words));
        write(dir.resolve("graph/phones/word_boundary.int"), ToneGraph.wordBoundary(words.size() + 1));
        Files.write(dir.resolve("graph/HCLG.fst"), ToneGraph.hclg(words));
        return new ToneModel(dir, SAMPLE_RATE, words);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String mfccConf() {
        return String.join("\n",
                "--sample-frequency=" + SAMPLE_RATE,
                "--use-energy=false",
                "--num-mel-bins=" + MEL_BINS,
                "--num-ceps=" + MEL_BINS,
                "--cepstral-lifter=0",
                "--low-freq=" + num(LOW_FREQ),
                "--high-freq=" + num(HIGH_FREQ),
                "--preemphasis-coefficient=0",
                "--dither=0",
                "--allow-downsample=true",
                "");
    }

    private static String modelConf() {
        return String.join("\n",
                "--min-active=20",
                "--max-active=1000",
                "--beam=13.0",
                // A narrow lattice: wider ones keep slightly shifted alignments whose averaging in
                // Vosk's MBR pulls word ends up to 50 ms early; at 1.0 times stay within 30 ms.
                "--lattice-beam=1.0",
                "--acoustic-scale=1.0",
                "--frame-subsampling-factor=3",
                "--endpoint.silence-phones=1",
                "--endpoint.rule2.min-trailing-silence=0.5",
                "--endpoint.rule3.min-trailing-silence=1.0",
                "--endpoint.rule4.min-trailing-silence=2.0",
                "");
    }

    /** One-state topology per phone: pdf = phone - 1, self-loop id 2p-1, forward id 2p. */
    private static String transitionModel(int phones) {
        StringBuilder sb = new StringBuilder();
        sb.append("<TransitionModel>\n<Topology>\n<TopologyEntry>\n<ForPhones>\n");
        for (int p = 1; p <= phones; p++) {
            sb.append(p).append(p == phones ? "\n" : " ");
        }
        sb.append("</ForPhones>\n");
        sb.append("<State> 0 <PdfClass> 0 <Transition> 0 0.5 <Transition> 1 0.5 </State>\n");
        sb.append("<State> 1 </State>\n");
        sb.append("</TopologyEntry>\n</Topology>\n");
        sb.append("<Triples> ").append(phones).append('\n');
        for (int p = 1; p <= phones; p++) {
            sb.append(p).append(" 0 ").append(p - 1).append('\n');
        }
        sb.append("</Triples>\n<LogProbs>\n[ 0");
        String half = num(Math.log(0.5));
        for (int tid = 1; tid <= 2 * phones; tid++) {
            sb.append(' ').append(half);
        }
        sb.append(" ]\n</LogProbs>\n</TransitionModel>\n");
        return sb.toString();
    }

    private String nnet(int pdfs) {
        int n = MEL_BINS;
        StringBuilder sb = new StringBuilder();
        sb.append("<Nnet3> \n");
        sb.append("input-node name=input dim=").append(n).append('\n');
        sb.append("component-node name=idct component=idct input=input\n");
        sb.append("component-node name=relu component=relu input=idct\n");
        String last = "relu";
        for (int l = 1; l <= hiddenLayers; l++) {
            sb.append("component-node name=hidden").append(l).append(" component=hidden").append(l)
                    .append(" input=").append(last).append('\n');
            sb.append("component-node name=hrelu").append(l).append(" component=hrelu").append(l)
                    .append(" input=hidden").append(l).append('\n');
            last = "hrelu" + l;
        }
        sb.append("component-node name=score component=score input=").append(last).append('\n');
        sb.append("component-node name=logsoftmax component=logsoftmax input=score\n");
        sb.append("output-node name=output input=logsoftmax objective=linear\n");
        sb.append('\n');
        sb.append("<NumComponents> ").append(4 + 2 * hiddenLayers).append('\n');

        // Kaldi's DCT: row 0 = sqrt(1/N), row k = sqrt(2/N) cos(pi/N (j + 0.5) k); orthonormal, so its
        // transpose recovers the log-mel energies. The bias subtracts the energy floor.
        double[][] idct = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double dct = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n) * Math.cos(Math.PI / n * (j + 0.5) * k);
                idct[j][k] = dct;
            }
        }
        double[] floor = new double[n];
        java.util.Arrays.fill(floor, -ENERGY_FLOOR);
        affine(sb, "idct", idct, floor);
        nonlinear(sb, "relu", "RectifiedLinearComponent", n);
        int dim = n;
        for (int l = 1; l <= hiddenLayers; l++) {
            ToneHiddenLayers.affine(sb, "hidden" + l, dim, hiddenWidth, MEL_BINS);
            nonlinear(sb, "hrelu" + l, "RectifiedLinearComponent", hiddenWidth);
            dim = hiddenWidth;
        }

        double[][] score = new double[pdfs][dim];
        double[] bias = new double[pdfs];
        bias[0] = SILENCE_SCORE;
        for (int pdf = 1; pdf < pdfs; pdf++) {
            score[pdf][FIRST_WORD_BAND + pdf - 1] = WORD_GAIN;
        }
        affine(sb, "score", score, bias);
        nonlinear(sb, "logsoftmax", "LogSoftmaxComponent", pdfs);
        sb.append("</Nnet3>\n");
        sb.append("<LeftContext> 0 <RightContext> 0 <Priors> [ ]\n");
        return sb.toString();
    }

    private static void affine(StringBuilder sb, String name, double[][] linear, double[] bias) {
        sb.append("<ComponentName> ").append(name).append(" <FixedAffineComponent> <LinearParams> [\n");
        for (int r = 0; r < linear.length; r++) {
            sb.append(' ');
            for (double v : linear[r]) {
                sb.append(' ').append(num(v));
            }
            sb.append(r == linear.length - 1 ? " ]\n" : "\n");
        }
        sb.append("<BiasParams> [");
        for (double v : bias) {
            sb.append(' ').append(num(v));
        }
        sb.append(" ]\n</FixedAffineComponent>\n");
    }

    private static void nonlinear(StringBuilder sb, String name, String type, int dim) {
        sb.append("<ComponentName> ").append(name).append(" <").append(type).append("> <Dim> ").append(dim)
                .append(" <ValueAvg> [ ] <DerivAvg> [ ] <Count> 0 </").append(type).append(">\n");
    }

    /** Centre of Kaldi mel band {@code band} (0-based), as in MelBanks. */
    static double bandCentre(int band) {
        double melLow = mel(LOW_FREQ);
        double delta = (mel(HIGH_FREQ) - melLow) / (MEL_BINS + 1);
        return inverseMel(melLow + (band + 1) * delta);
    }

    private static double mel(double hz) {
        return 1127.0 * Math.log(1.0 + hz / 700.0);
    }

    private static double inverseMel(double mel) {
        return 700.0 * (Math.exp(mel / 1127.0) - 1.0);
    }

    /** Kaldi parses text numbers with C locale rules: '.' decimal point, no leading '+' or '.'. */
    private static String num(double v) {
        return String.format(Locale.ROOT, "%.7g", v).replace("e+", "e");
    }
}
