package se.dikta.structure.commands;

import java.util.List;
import java.util.Map;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

/**
 * A transcript as the trained command parser reads it, each punctuation command written as its mark ("," "." "?")
 * and every other word as it was said: what the command-versus-word tests compare.
 */
final class CommandsWritten {

    private final CommandParser parser = new CommandParser(new HeadingVocabulary(Map.of()),
            new NumberWords(new SpokenNumberNormalizer()), TrainedModels.models().commands());

    String of(String text) {
        List<String> words = Transcript.of(text).words();
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (DictationItem item : parser.parse(Transcript.of(text))) {
            if (item instanceof DictationItem.Command c) {
                out.append(c.kind() == CommandKind.COMMA ? "," : c.kind() == CommandKind.FULL_STOP ? "." : "?");
                next = c.to();
            } else {
                out.append(out.isEmpty() ? "" : " ").append(words.get(next++));
            }
        }
        return out.toString();
    }
}
