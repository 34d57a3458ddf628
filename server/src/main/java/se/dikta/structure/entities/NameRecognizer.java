package se.dikta.structure.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import se.dikta.structure.corpus.TrainingSettings;

/**
 * OpenNLP {@link NameFinderME} for PERSON, ORGANIZATION and PLACE in recogniser-form words, trained from
 * {@code entities/*.txt}. Lowercase words carry no capital-letter cue, so each word also gets the lexicon
 * lists it belongs to as additional context ({@link Lexicon#contexts}), in training and in use alike. The
 * model is shared; {@code NameFinderME} keeps per-document adaptive data and is not thread-safe, so each
 * thread has its own, and {@link #startNote()} clears that data so that notes do not influence each other.
 */
public final class NameRecognizer {

    /** Bump when the training changes so that cached models trained the old way are not reused. */
    public static final String VERSION = "names-4";

    /**
     * Greedy decoding: on cross-validation over the entity corpus it found the same names as OpenNLP's default
     * beam of 3, at a third of the cost.
     */
    private static final int BEAM_SIZE = 1;

    private final TokenNameFinderModel model;
    private final Lexicon lexicon;
    private final ThreadLocal<NameFinderME> finders;

    public NameRecognizer(TokenNameFinderModel model, Lexicon lexicon) {
        this.model = model;
        this.lexicon = lexicon;
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
    }

    public static NameRecognizer train(EntityCorpus corpus, Lexicon lexicon) throws IOException {
        if (corpus.samples().isEmpty()) {
            throw new IllegalStateException("No name-finder training data under entities/");
        }
        List<NameSample> samples = new ArrayList<>(corpus.samples().size());
        for (NameSample sample : corpus.samples()) {
            samples.add(new NameSample(sample.getSentence(), sample.getNames(),
                    lexicon.contexts(List.of(sample.getSentence())), sample.isClearAdaptiveDataSet()));
        }
        TrainingParameters params = TrainingSettings.maxent(100, 1);
        params.put(BeamSearch.BEAM_SIZE_PARAMETER, BEAM_SIZE);
        TokenNameFinderModel model = NameFinderME.train("sv", null, ObjectStreamUtils.createObjectStream(samples),
                params, new TokenNameFinderFactory());
        return new NameRecognizer(model, lexicon);
    }

    public static NameRecognizer read(InputStream in, Lexicon lexicon) throws IOException {
        return new NameRecognizer(new TokenNameFinderModel(in), lexicon);
    }

    public void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** Forget what earlier notes taught this thread's finder. */
    public void startNote() {
        finders.get().clearAdaptiveData();
    }

    public List<NameSpan> find(List<String> words) {
        return find(words, lexicon);
    }

    /** As {@link #find(List)} with another lexicon's lists as context (the trained one plus a unit's names). */
    public List<NameSpan> find(List<String> words, Lexicon context) {
        Span[] spans = finders.get().find(words.toArray(String[]::new), context.contexts(words));
        List<NameSpan> names = new ArrayList<>(spans.length);
        for (Span span : spans) {
            Optional<EntityCategory> category = EntityCategory.parse(span.getType());
            category.ifPresent(c -> names.add(new NameSpan(span.getStart(), span.getEnd(), c)));
        }
        return names;
    }
}
