package se.dikta.structure.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import se.dikta.structure.commands.CommandModel;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.CorpusSource;
import se.dikta.structure.corpus.DictationCorpus;
import se.dikta.structure.corpus.SectionCorpus;
import se.dikta.structure.entities.EntityCorpus;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.segment.WordClasses;

/**
 * Cross-validation folds of the command model: the outside text's documents dealt round-robin into {@code k}
 * parts; each fold's model is trained as the server trains it (the project's notes and entity documents plus the
 * other parts) and is measured on its own part, which it never saw.
 */
public final class CommandFolds {

    /** A model and the outside documents it was not trained on. */
    public record Fold(CommandModel model, DictationCorpus heldOut) {
    }

    private CommandFolds() {
    }

    public static List<Fold> train(CorpusSource source, NumberWords numbers, int k) throws IOException {
        SectionCorpus corpus = SectionCorpus.read(source);
        Lexicon lexicon = Lexicon.read(source);
        EntityCorpus entities = EntityCorpus.read(source);
        DictationCorpus outside = DictationCorpus.read(source).tagged(); // the text the command model learns from
        WordClasses classes = WordClasses.harvest(corpus.notes(), outside.finiteVerbs(), lexicon.words("first-names"),
                lexicon.words("surnames"), numbers);
        List<List<List<String>>> own = new ArrayList<>();
        corpus.notes().forEach(note -> own.add(note.sentences().stream().map(s -> s.words()).toList()));
        own.addAll(entities.documents());
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int fold = f;
            DictationCorpus training = outside.part(d -> d % k != fold);
            folds.add(new Fold(CommandTraining.train(own, training, classes), outside.part(d -> d % k == fold)));
        }
        return folds;
    }
}
