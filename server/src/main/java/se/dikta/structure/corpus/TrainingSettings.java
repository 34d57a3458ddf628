package se.dikta.structure.corpus;

import opennlp.tools.util.TrainingParameters;

/** OpenNLP training parameters that give the same model for the same data: GIS maxent on one thread. */
public final class TrainingSettings {

    private TrainingSettings() {
    }

    public static TrainingParameters maxent(int iterations, int cutoff) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.TRAINER_TYPE_PARAM, "Event");
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put("PrintMessages", false);
        return params;
    }
}
