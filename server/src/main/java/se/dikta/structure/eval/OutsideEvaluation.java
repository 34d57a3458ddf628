package se.dikta.structure.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.dikta.structure.NoteStructurer;
import se.dikta.structure.StructuredNote;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.eval.OutsideText.Dictation;
import se.dikta.structure.eval.OutsideText.GoldWord;
import se.dikta.structure.template.Template;

/**
 * Structures held-out outside text ({@link OutsideText}) in both conditions — recogniser form without any
 * punctuation, and with the punctuation said ("punkt" at every sentence end, "komma" at every comma) — and
 * measures sentence boundaries, command words left in the text, and proper nouns written with a capital
 * against words wrongly capitalised (both mid-sentence in the gold and in the output).
 */
public final class OutsideEvaluation {

    private static final Pattern WORD = Pattern.compile("[a-zåäöéüæøA-ZÅÄÖÉÜÆØ]+");
    private static final int ALIGN_LOOKAHEAD = 3;

    /** The figures of one condition. */
    public record Condition(boolean spoken, int dictations, int words, int commandsSaid, Prf boundaries,
                            Map<String, Prf> boundariesByPart,
                            int punktLeft, int kommaLeft, int kommaWordsLost, int properNouns, int properNounsCapitalised,
                            int lowerCaseWords, int falseCapitals, List<String> falseCapitalExamples,
                            List<String> leakExamples, List<String> missedNames) {

        public double properNounRate() {
            return properNouns == 0 ? 0 : (double) properNounsCapitalised / properNouns;
        }

        public double falseCapitalRate() {
            return lowerCaseWords == 0 ? 0 : (double) falseCapitals / lowerCaseWords;
        }
    }

    public record Result(int sentences, Condition plain, Condition spoken) {
    }

    private final NoteStructurer structurer;
    private final Template template;

    public OutsideEvaluation(NoteStructurer structurer, Template template) {
        this.structurer = structurer;
        this.template = template;
    }

    public Result evaluate(OutsideText text) {
        return new Result(text.sentences(), condition(text, false), condition(text, true));
    }

    private Condition condition(OutsideText text, boolean spoken) {
        Prf boundaries = new Prf();
        Map<String, Prf> byPart = new TreeMap<>();
        int words = 0;
        int said = 0;
        int[] leaks = new int[3];
        int[] names = new int[4];
        List<String> examples = new ArrayList<>();
        List<String> leakExamples = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<Dictation> dictations = text.dictations(spoken);
        for (Dictation d : dictations) {
            said += d.commands();
            words += d.transcript().size() - d.commands();
            StructuredNote note = structurer.structure(new Transcript(d.transcript(), List.of()), template);
            scoreBoundaries(d, note, boundaries);
            scoreBoundaries(d, note, byPart.computeIfAbsent(d.part(), p -> new Prf()));
            countLeaks(d, note, leaks, leakExamples);
            scoreNames(d, note, names, examples, missed);
        }
        return new Condition(spoken, dictations.size(), words, said, boundaries, byPart, leaks[0], leaks[1], leaks[2],
                names[0], names[1], names[2], names[3], examples, leakExamples, missed);
    }

    private static void scoreBoundaries(Dictation d, StructuredNote note, Prf prf) {
        int last = 0;
        for (int i = d.gold().size() - 1; i >= 0; i--) {
            if (d.gold().get(i) != null) {
                last = i + 1;
                break;
            }
        }
        Set<Integer> gold = new HashSet<>(d.ends());
        Set<Integer> predicted = new HashSet<>();
        for (StructuredNote.Sentence s : note.sentences()) {
            if (s.words().to() < last) {
                predicted.add(s.words().to());
            }
        }
        int tp = (int) predicted.stream().filter(gold::contains).count();
        prf.add(tp, predicted.size() - tp, gold.size() - tp);
    }

    /** [0] "punkt" said as a command left as a word, [1] the same for "komma", [2] "komma" words lost. */
    private static void countLeaks(Dictation d, StructuredNote note, int[] leaks, List<String> examples) {
        int goldPunkt = 0;
        int goldKomma = 0;
        for (GoldWord g : d.gold()) {
            if (g != null) {
                goldPunkt += g.written().equalsIgnoreCase("punkt") ? 1 : 0;
                goldKomma += g.written().equalsIgnoreCase("komma") ? 1 : 0;
            }
        }
        int punkt = 0;
        int komma = 0;
        Matcher m = WORD.matcher(note.text());
        while (m.find()) {
            punkt += m.group().equalsIgnoreCase("punkt") ? 1 : 0;
            komma += m.group().equalsIgnoreCase("komma") ? 1 : 0;
        }
        leaks[0] += Math.max(0, punkt - goldPunkt);
        if (punkt + komma > goldPunkt + goldKomma) {
            Matcher leak = Pattern.compile("(\\S+ ){0,4}(punkt|komma)( \\S+){0,2}").matcher(note.text());
            while (leak.find() && examples.size() < 30) {
                examples.add(leak.group());
            }
        }
        leaks[1] += Math.max(0, komma - goldKomma);
        leaks[2] += Math.max(0, goldKomma - komma);
    }

    /**
     * Aligns each output sentence's words with the transcript words it covers and counts, over words that open
     * neither a gold nor an output sentence: [0] proper nouns the gold capitalises, [1] of them capitalised,
     * [2] words the gold writes in lower case, [3] of them capitalised.
     */
    private static void scoreNames(Dictation d, StructuredNote note, int[] counts, List<String> examples,
                                   List<String> missed) {
        for (StructuredNote.Sentence s : note.sentences()) {
            List<Integer> positions = new ArrayList<>();
            for (int w = s.words().from(); w < s.words().to(); w++) {
                if (d.gold().get(w) != null) {
                    positions.add(w);
                }
            }
            List<String> out = new ArrayList<>();
            Matcher m = WORD.matcher(s.text());
            while (m.find()) {
                out.add(m.group());
            }
            int p = 0;
            for (int o = 0; o < out.size() && p < positions.size(); o++) {
                String token = out.get(o);
                int match = -1;
                for (int k = p; k < Math.min(positions.size(), p + ALIGN_LOOKAHEAD); k++) {
                    if (d.transcript().get(positions.get(k)).equals(token.toLowerCase(Locale.ROOT))) {
                        match = k;
                        break;
                    }
                }
                if (match < 0) {
                    continue;
                }
                p = match + 1;
                GoldWord gold = d.gold().get(positions.get(match));
                if (o == 0 || gold.sentenceInitial()) {
                    continue;
                }
                boolean capital = Character.isUpperCase(token.charAt(0));
                if (Character.isUpperCase(gold.written().charAt(0))) {
                    if (gold.properNoun()) {
                        counts[0]++;
                        counts[1] += capital ? 1 : 0;
                        if (!capital && missed.size() < 40) {
                            missed.add(gold.written());
                        }
                    }
                } else {
                    counts[2]++;
                    if (capital) {
                        counts[3]++;
                        if (examples.size() < 20) {
                            examples.add(token);
                        }
                    }
                }
            }
        }
    }
}
