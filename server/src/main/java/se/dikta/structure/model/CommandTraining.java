package se.dikta.structure.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import se.dikta.structure.commands.CommandCues;
import se.dikta.structure.commands.CommandModel;
import se.dikta.structure.corpus.DictationCorpus;
import se.dikta.structure.segment.WordClasses;

/**
 * The command model's training runs: the tagged outside text as the script wrote it with spoken punctuation,
 * and the project's own notes and entity documents dictated with "punkt" after every sentence (their own uses of
 * "punkt" and "komma" are words).
 */
final class CommandTraining {

    private CommandTraining() {
    }

    static CommandCues cues(DictationCorpus outside) {
        DictationCorpus tagged = outside.tagged();
        return CommandCues.of(tagged.spoken(), tagged.tags());
    }

    /** @param ownRuns the project's notes and entity documents (not the outside text) */
    static CommandModel train(List<List<List<String>>> ownRuns, DictationCorpus outside, WordClasses classes)
            throws IOException {
        DictationCorpus taggedText = outside.tagged();
        List<List<String>> runs = new ArrayList<>(taggedText.spoken());
        List<List<String>> tags = new ArrayList<>(taggedText.tags());
        for (List<List<String>> run : ownRuns) {
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
