package se.dikta.structure.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import se.dikta.structure.classify.SectionFeatures.Position;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.corpus.CorpusNote;
import se.dikta.structure.corpus.LabeledSentence;
import se.dikta.structure.corpus.TrainingSettings;

/**
 * Per-sentence section probabilities from OpenNLP's {@link DocumentCategorizerME}. The model is immutable and
 * shared; {@code DocumentCategorizerME} is not documented as thread-safe, so each thread gets its own over the
 * shared model.
 */
public final class SectionClassifier {

    private final DoccatModel model;
    private final ThreadLocal<DocumentCategorizerME> categorizers;
    private final int[] categoryOfKey;

    public SectionClassifier(DoccatModel model) {
        this.model = model;
        this.categorizers = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
        DocumentCategorizerME probe = new DocumentCategorizerME(model);
        categoryOfKey = new int[SectionKey.values().length];
        for (SectionKey key : SectionKey.values()) {
            categoryOfKey[key.ordinal()] = probe.getIndex(key.name());
        }
    }

    public static SectionClassifier train(List<CorpusNote> notes) throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        for (CorpusNote note : notes) {
            List<LabeledSentence> sentences = note.sentences();
            for (int i = 0; i < sentences.size(); i++) {
                LabeledSentence sentence = sentences.get(i);
                samples.add(new DocumentSample(sentence.key().name(), sentence.words().toArray(String[]::new),
                        Map.of(SectionFeatures.POSITION, Position.of(i, sentences.size()).name())));
            }
        }
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new SectionFeatures()});
        DoccatModel model = DocumentCategorizerME.train("sv", ObjectStreamUtils.createObjectStream(samples),
                TrainingSettings.maxent(200, 1), factory);
        return new SectionClassifier(model);
    }

    public static SectionClassifier read(InputStream in) throws IOException {
        return new SectionClassifier(new DoccatModel(in));
    }

    public void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /**
     * Probabilities indexed by {@link SectionKey#ordinal()} for the sentence at {@code index} of a note of
     * {@code count} sentences. A key the training data never used gets 0.
     */
    public double[] probabilities(List<String> words, int index, int count) {
        double[] scores = categorizers.get().categorize(words.toArray(String[]::new),
                Map.of(SectionFeatures.POSITION, Position.of(index, count).name()));
        double[] byKey = new double[categoryOfKey.length];
        for (int k = 0; k < byKey.length; k++) {
            byKey[k] = categoryOfKey[k] < 0 ? 0.0 : scores[categoryOfKey[k]];
        }
        return byKey;
    }
}
