package se.dikta.structure.corpus;

import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP training parameters for a maximum-entropy model fitted with L-BFGS ({@code MAXENT_QN}, with its
 * default L2 regularisation) on one thread, so the same data gives the same model. Plain GIS converges too
 * slowly with the many overlapping features used here: after its iterations the name finder still ignored
 * the lexicon features and guessed "no name" for names it had not seen as words.
 */
public final class TrainingSettings {

    private TrainingSettings() {
    }

    public static TrainingParameters maxent(int iterations, int cutoff) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.TRAINER_TYPE_PARAM, "Event");
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put("PrintMessages", false);
        return params;
    }
}
