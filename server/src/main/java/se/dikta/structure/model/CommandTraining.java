package se.dikta.structure.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import se.dikta.structure.commands.CommandModel;
import se.dikta.structure.corpus.DictationCorpus;
import se.dikta.structure.segment.WordClasses;

/**
 * The command model's training runs: the outside text as the script wrote it with spoken punctuation, and the
 * project's own notes and entity documents dictated with "punkt" after every sentence (their own uses of
 * "punkt" and "komma" are words).
 */
final class CommandTraining {

    private CommandTraining() {
    }

    static CommandModel.Cues cues(DictationCorpus outside) {
        return CommandModel.cues(outside.spoken(), outside.tags());
    }

    static CommandModel train(List<List<List<String>>> ownRuns, DictationCorpus outside, WordClasses classes)
            throws IOException {
        List<List<String>> runs = new ArrayList<>(outside.spoken());
        List<List<String>> tags = new ArrayList<>(outside.tags());
        int own = ownRuns.size() - outside.documents().size();
        for (List<List<String>> run : ownRuns.subList(0, own)) {
            List<String> tokens = new ArrayList<>();
            List<String> tagged = new ArrayList<>();
            for (List<String> sentence : run) {
                for (String word : sentence) {
                    tokens.add(word);
                    tagged.add("X");
                }
                tokens.add("PUNKT");
                tagged.add("CMD");
            }
            runs.add(tokens);
            tags.add(tagged);
        }
        return CommandModel.train(runs, tags, classes::of, cues(outside));
    }
}
