package se.dikta.structure.segment;

import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import se.dikta.structure.corpus.TrainingSettings;

/**
 * OpenNLP maximum-entropy model that tells, for each boundary between two words, how likely a sentence ends
 * there. Trained from runs of consecutive sentences: the words of a run together, and the gaps between its
 * sentences are the positive events. The maxent model is immutable after training, so one instance is
 * shared by all threads.
 */
public final class BoundaryModel {

    static final String BOUNDARY = "B";
    static final String NO_BOUNDARY = "N";
    /** Chosen by five-fold cross-validation over the training notes (never the held-out set). */
    private static final int ITERATIONS = 300;
    private static final int CUTOFF = 3;

    private final AbstractModel model;
    private final AbstractModel noteModel;
    private final BoundaryFeatures features;
    private final int boundaryIndex;

    public BoundaryModel(AbstractModel model, BoundaryFeatures features) {
        this(model, model, features);
    }

    /**
     * @param model     trained on all the text: the notes and the outside prose
     * @param noteModel trained on the notes alone, for dictations that read as notes ({@link #forNotes})
     */
    public BoundaryModel(AbstractModel model, AbstractModel noteModel, BoundaryFeatures features) {
        this.model = model;
        this.noteModel = noteModel;
        this.features = features;
        this.boundaryIndex = model.getIndex(BOUNDARY);
    }

    /**
     * The model trained on the notes alone. The prose moves the cuts in the notes (the end-to-end section accuracy
     * on held-out notes fell from 0.956 to 0.938 when it was added), so a dictation that reads as a note
     * ({@link LengthPriors#isNote}) is cut by this one.
     */
    public BoundaryModel forNotes() {
        return new BoundaryModel(noteModel, noteModel, features);
    }

    /**
     * @param documents runs of consecutive sentences (each a list of words): the notes of the section corpus,
     *                  and the documents of the entity corpus, which add varied sentence openings such as names
     */
    public static BoundaryModel train(List<List<List<String>>> documents, BoundaryFeatures features)
            throws IOException {
        AbstractModel model = trainMaxent(documents, features);
        return new BoundaryModel(model, model, features);
    }

    /**
     * @param documents all runs of sentences: the notes, entity documents and outside prose
     * @param notes     the project's own runs (notes and entity documents), for the model of {@link #forNotes}
     */
    public static BoundaryModel train(List<List<List<String>>> documents, List<List<List<String>>> notes,
                                      BoundaryFeatures features) throws IOException {
        return new BoundaryModel(trainMaxent(documents, features), trainMaxent(notes, features), features);
    }

    private static AbstractModel trainMaxent(List<List<List<String>>> documents, BoundaryFeatures features)
            throws IOException {
        List<Event> events = new ArrayList<>();
        for (List<List<String>> document : documents) {
            List<String> words = new ArrayList<>();
            List<Boolean> endsSentence = new ArrayList<>();
            for (List<String> sentence : document) {
                for (int k = 0; k < sentence.size(); k++) {
                    words.add(sentence.get(k));
                    endsSentence.add(k == sentence.size() - 1);
                }
            }
            BoundaryFeatures.Run run = features.prepare(words);
            int length = 0;
            for (int i = 0; i + 1 < words.size(); i++) {
                length++;
                boolean boundary = endsSentence.get(i);
                events.add(new Event(boundary ? BOUNDARY : NO_BOUNDARY, run.context(i, length)));
                if (boundary) {
                    length = 0;
                }
            }
        }
        EventTrainer trainer = TrainerFactory.getEventTrainer(TrainingSettings.maxent(ITERATIONS, CUTOFF), new HashMap<>());
        MaxentModel trained = trainer.train(ObjectStreamUtils.createObjectStream(events));
        return (AbstractModel) trained;
    }

    /** Reads the two models {@link #write} wrote one after the other. */
    public static BoundaryModel read(InputStream in, BoundaryFeatures features) throws IOException {
        AbstractModel model = new GenericModelReader(new BinaryFileDataReader(in)).getModel();
        AbstractModel noteModel = new GenericModelReader(new BinaryFileDataReader(in)).getModel();
        return new BoundaryModel(model, noteModel, features);
    }

    public void write(OutputStream out) throws IOException {
        // persist() closes its stream: the first model must leave it open for the second
        new GenericModelWriter(model, new DataOutputStream(new FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        })).persist();
        new GenericModelWriter(noteModel, new DataOutputStream(out)).persist();
    }

    public WordClasses wordClasses() {
        return features.classes();
    }

    public LengthPriors lengths() {
        return features.lengths();
    }

    public BoundaryFeatures.Run prepare(List<String> words) {
        return features.prepare(words);
    }

    /** Probability that a sentence ends after {@code words[i]}, given the sentence so far has {@code length} words. */
    public double probability(BoundaryFeatures.Run run, int i, int length) {
        return model.eval(run.context(i, length))[boundaryIndex];
    }

    /** The same for a single question; prefer {@link #prepare} when asking about many boundaries of one run. */
    public double probability(List<String> words, int i, int length) {
        return probability(prepare(words), i, length);
    }
}
