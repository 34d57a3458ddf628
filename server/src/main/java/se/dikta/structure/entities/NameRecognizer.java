package se.dikta.structure.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.ThreadSafeNameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import se.dikta.structure.corpus.TrainingSettings;

/**
 * OpenNLP {@link NameFinderME} for PERSON, ORGANIZATION and PLACE in recogniser-form words, trained from
 * {@code entities/*.txt}. The model is shared; {@link ThreadSafeNameFinderME} keeps one finder (with its
 * adaptive data) per thread, and {@link #startNote()} clears that data so that notes do not influence each
 * other.
 */
public final class NameRecognizer {

    private final TokenNameFinderModel model;
    private final ThreadSafeNameFinderME finder;

    public NameRecognizer(TokenNameFinderModel model) {
        this.model = model;
        this.finder = new ThreadSafeNameFinderME(model);
    }

    public static NameRecognizer train(EntityCorpus corpus) throws IOException {
        List<NameSample> samples = corpus.samples();
        if (samples.isEmpty()) {
            throw new IllegalStateException("No name-finder training data under entities/");
        }
        TokenNameFinderModel model = NameFinderME.train("sv", null, ObjectStreamUtils.createObjectStream(samples),
                TrainingSettings.maxent(100, 1), new TokenNameFinderFactory());
        return new NameRecognizer(model);
    }

    public static NameRecognizer read(InputStream in) throws IOException {
        return new NameRecognizer(new TokenNameFinderModel(in));
    }

    public void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** Forget what earlier notes taught this thread's finder. */
    public void startNote() {
        finder.clearAdaptiveData();
    }

    public List<NameSpan> find(List<String> words) {
        Span[] spans = finder.find(words.toArray(String[]::new));
        List<NameSpan> names = new ArrayList<>(spans.length);
        for (Span span : spans) {
            Optional<EntityCategory> category = EntityCategory.parse(span.getType());
            category.ifPresent(c -> names.add(new NameSpan(span.getStart(), span.getEnd(), c)));
        }
        return names;
    }
}
