package se.dikta.testing;

/**
 * Hidden nnet3 layers for {@link ToneModelGenerator#withHiddenLayers}: dense affine components (text format)
 * that pass the band energies through unchanged and add units of pure cost.
 */
final class ToneHiddenLayers {

    private ToneHiddenLayers() {
    }

    /** Rows 0..copied-1 copy inputs 0..copied-1 exactly; the other rows mix all inputs with small fixed weights. */
    static void affine(StringBuilder sb, String name, int in, int out, long seed, int copied) {
        sb.append("<ComponentName> ").append(name).append(" <FixedAffineComponent> <LinearParams> [\n");
        long state = seed * 0x9E3779B97F4A7C15L;
        for (int r = 0; r < out; r++) {
            sb.append(' ');
            for (int c = 0; c < in; c++) {
                String v;
                if (r < copied) {
                    v = r == c ? "1" : "0";
                } else {
                    state = state * 6364136223846793005L + 1442695040888963407L;
                    v = WEIGHTS[(int) ((state >>> 33) % WEIGHTS.length)];
                }
                sb.append(' ').append(v);
            }
            sb.append(r == out - 1 ? " ]\n" : "\n");
        }
        sb.append("<BiasParams> [");
        for (int r = 0; r < out; r++) {
            sb.append(r < copied ? " 0" : " 0.01");
        }
        sb.append(" ]\n</FixedAffineComponent>\n");
    }

    static final String[] WEIGHTS = {"-0.03", "-0.02", "-0.01", "0.01", "0.02", "0.03"};

}
