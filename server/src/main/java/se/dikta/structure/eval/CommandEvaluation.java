package se.dikta.structure.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.dikta.structure.commands.CommandModel;
import se.dikta.structure.commands.CommandParser;
import se.dikta.structure.commands.DictationItem;
import se.dikta.structure.commands.HeadingVocabulary;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.corpus.DictationCorpus;
import se.dikta.structure.model.CommandFolds.Fold;

/**
 * Command words vs the same words used as words, measured on text no model saw: each cross-validation fold's
 * command model parses the outside documents it was not trained on (the training treebanks' train and dev
 * parts). Commands are the punctuation the written text had, said as a speaker says it; word uses are the
 * text's own "komma"/"punkt", and two synthetic sets: "komma" put in every infinitive slot that takes no object and "punkt" in the
 * noun slot after "en" (a few words apart, so each keeps its real neighbours). Synthetic commands: every
 * sentence end said as "frågetecken" and as "utropstecken".
 */
public final class CommandEvaluation {

    private static final Map<String, String> SAID = Map.of("PUNKT", "punkt", "KOMMA", "komma",
            "FRÅGETECKEN", "frågetecken", "UTROPSTECKEN", "utropstecken", "KOLON", "kolon");
    private static final int SLOT_SPACING = 8;
    /** "komma" takes no object: infinitive slots followed by a particle, adverb, preposition, conjunction or a mark. */
    private static final java.util.Set<String> INTRANSITIVE_NEXT = java.util.Set.of("ADP", "ADV", "PART", "SCONJ",
            "CCONJ", "CMD");
    private static final int EXAMPLES = 15;

    /** Counts {said, found} per context, commands missed and words lost with their neighbours. */
    public record Result(int documents, int words, Prf spoken, Map<String, int[]> commands, Map<String, int[]> wordUses,
                         List<String> missedCommands, List<String> lostWords) {
    }

    private final NumberWords numbers;

    public CommandEvaluation(NumberWords numbers) {
        this.numbers = numbers;
    }

    public Result evaluate(List<Fold> folds) {
        Prf prf = new Prf();
        Map<String, int[]> commands = new LinkedHashMap<>();
        Map<String, int[]> words = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        int documents = 0;
        int count = 0;
        for (Fold fold : folds) {
            CommandParser parser = new CommandParser(new HeadingVocabulary(Map.of()), numbers, fold.model());
            DictationCorpus text = fold.heldOut();
            for (int d = 0; d < text.spoken().size(); d++) {
                documents++;
                List<String> tokens = text.spoken().get(d);
                List<String> tags = text.tags().get(d);
                count += (int) tags.stream().filter(t -> !t.equals("CMD")).count();
                score(parser, tokens, tags, prf, commands, words, missed, lost);
                swapEnds(parser, tokens, "FRÅGETECKEN", commands, missed);
                swapEnds(parser, tokens, "UTROPSTECKEN", commands, missed);
                substitute(parser, tokens, tags, "INF", "komma", "\"komma\" in infinitive slots (synthetic)", words, lost);
                substitute(parser, tokens, tags, "NOUN", "punkt", "\"punkt\" as the noun after \"en\" (synthetic)",
                        words, lost);
                List<String> plain = text.documents().get(d).stream().flatMap(List::stream).toList();
                int[] kept = words.computeIfAbsent("the text's own command words, no spoken punctuation", k -> new int[2]);
                boolean[] predicted = commandsAt(parser, plain);
                for (int i = 0; i < plain.size(); i++) {
                    if (CommandModel.isCandidate(plain.get(i))) {
                        kept[0]++;
                        kept[1] += predicted[i] ? 0 : 1;
                        if (predicted[i]) {
                            example(lost, plain, i);
                        }
                    }
                }
            }
        }
        return new Result(documents, count, prf, commands, words, missed, lost);
    }

    private void score(CommandParser parser, List<String> tokens, List<String> tags, Prf prf,
                       Map<String, int[]> commands, Map<String, int[]> words, List<String> missed, List<String> lost) {
        List<String> said = said(tokens);
        boolean[] predicted = commandsAt(parser, said);
        for (int i = 0; i < said.size(); i++) {
            if (!CommandModel.isCandidate(said.get(i))) {
                continue;
            }
            boolean gold = SAID.containsKey(tokens.get(i));
            if (gold) {
                prf.add(predicted[i] ? 1 : 0, 0, predicted[i] ? 0 : 1);
                for (String context : contexts(said, tags, i)) {
                    count(commands, context, predicted[i]);
                }
                count(commands, "\"" + said.get(i) + "\" (all)", predicted[i]);
                if (!predicted[i]) {
                    example(missed, said, i);
                }
            } else {
                prf.add(0, predicted[i] ? 1 : 0, 0);
                count(words, "the text's own command words, punctuation spoken", !predicted[i]);
                if (predicted[i]) {
                    example(lost, said, i);
                }
            }
        }
    }

    /** The contexts the issue names: after a number, a determiner or pronoun, an adjective; by a name. */
    private List<String> contexts(List<String> said, List<String> tags, int i) {
        List<String> contexts = new ArrayList<>();
        String prevTag = i > 0 ? tags.get(i - 1) : "";
        if (i > 0 && (prevTag.equals("NUM") || numbers.isNumberWord(said.get(i - 1)))) {
            contexts.add("after a number");
        }
        if (prevTag.equals("DET") || prevTag.equals("PRON")) {
            contexts.add("after a determiner or pronoun (\"det\", \"detta\", \"en\")");
        }
        if (prevTag.equals("ADJ")) {
            contexts.add("after an adjective (\"ny\", \"stora\")");
        }
        if (prevTag.equals("PROPN")) {
            contexts.add("after a name");
        }
        if (i + 1 < tags.size() && tags.get(i + 1).equals("PROPN")) {
            contexts.add("before a name");
        }
        return contexts;
    }

    private void swapEnds(CommandParser parser, List<String> tokens, String end, Map<String, int[]> commands,
                          List<String> missed) {
        List<String> swapped = new ArrayList<>(tokens);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("PUNKT")) {
                swapped.set(i, end);
                ends.add(i);
            }
        }
        List<String> said = said(swapped);
        boolean[] predicted = commandsAt(parser, said);
        for (int i : ends) {
            count(commands, "every sentence end said as \"" + SAID.get(end) + "\" (synthetic)", predicted[i]);
            if (!predicted[i]) {
                example(missed, said, i);
            }
        }
    }

    private void substitute(CommandParser parser, List<String> tokens, List<String> tags, String tag, String word,
                            String label, Map<String, int[]> words, List<String> lost) {
        List<String> changed = new ArrayList<>(tokens);
        List<Integer> slots = new ArrayList<>();
        int last = -SLOT_SPACING;
        for (int i = 1; i < tokens.size(); i++) {
            boolean slot = tags.get(i).equals(tag) && (tag.equals("NOUN") ? tokens.get(i - 1).equals("en")
                    : i + 1 == tokens.size() || INTRANSITIVE_NEXT.contains(tags.get(i + 1)));
            if (slot && i - last >= SLOT_SPACING) {
                changed.set(i, word);
                slots.add(i);
                last = i;
            }
        }
        List<String> said = said(changed);
        boolean[] predicted = commandsAt(parser, said);
        for (int i : slots) {
            count(words, label, !predicted[i]);
            if (predicted[i]) {
                example(lost, said, i);
            }
        }
    }

    private static boolean[] commandsAt(CommandParser parser, List<String> words) {
        boolean[] at = new boolean[words.size()];
        for (DictationItem item : parser.parse(new Transcript(words, List.of()))) {
            if (item instanceof DictationItem.Command c && c.kind().mark() != null) {
                at[c.from()] = true;
            }
        }
        return at;
    }

    private static List<String> said(List<String> tokens) {
        return tokens.stream().map(t -> SAID.getOrDefault(t, t.toLowerCase(Locale.ROOT))).toList();
    }

    private static void count(Map<String, int[]> counts, String key, boolean right) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += right ? 1 : 0;
    }

    private static void example(List<String> examples, List<String> words, int i) {
        if (examples.size() < EXAMPLES) {
            examples.add(String.join(" ", words.subList(Math.max(0, i - 5), i)) + " [" + words.get(i) + "] "
                    + String.join(" ", words.subList(i + 1, Math.min(words.size(), i + 3))));
        }
    }

    /** The figures as Markdown, for {@code nlp evaluate} and docs/nlp-evaluation.md. */
    public static String markdown(Result r, int folds) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Spoken commands vs the same words (cross-validated on the training treebanks)\n\n");
        md.append(folds).append("-fold cross-validation over the outside training text (UD Swedish treebanks' train and dev "
                + "parts; ").append(r.documents()).append(" documents, ").append(r.words())
                .append(" words): each fold's command model, trained as the server trains it on the other folds and the "
                        + "project's notes, parses the documents it did not see, said with their punctuation.\n\n");
        md.append(String.format(Locale.ROOT, "Command detection over all command words: precision %.3f, recall %.3f, F1 %.3f.%n%n",
                r.spoken().precision(), r.spoken().recall(), r.spoken().f1()));
        md.append("| commands said | said | read as commands |\n| --- | --- | --- |\n");
        r.commands().forEach((k, c) -> md.append("| ").append(k).append(" | ").append(c[0]).append(" | ")
                .append(pct(c[1], c[0])).append(" |\n"));
        md.append("\n| the same words used as words | uses | kept as words |\n| --- | --- | --- |\n");
        r.wordUses().forEach((k, c) -> md.append("| ").append(k).append(" | ").append(c[0]).append(" | ")
                .append(pct(c[1], c[0])).append(" |\n"));
        if (!r.missedCommands().isEmpty()) {
            md.append("\nCommands read as words, examples: ").append(String.join("; ", r.missedCommands())).append('\n');
        }
        if (!r.lostWords().isEmpty()) {
            md.append("\nWords read as commands, examples: ").append(String.join("; ", r.lostWords())).append('\n');
        }
        return md.toString();
    }

    private static String pct(int a, int b) {
        return String.format(Locale.ROOT, "%.1f %% (%d)", b == 0 ? 0.0 : 100.0 * a / b, a);
    }
}
