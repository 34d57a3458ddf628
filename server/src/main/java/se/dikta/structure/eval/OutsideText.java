package se.dikta.structure.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Held-out written Swedish from a domain the models were not trained on ({@code heldout/outside/*.tsv}, built by
 * models/nlp/build-outside-data.py: {@code doc<TAB>written tokens<TAB>one flag a token}, P for a proper noun),
 * grouped into dictations of consecutive sentences and turned into recogniser form, with or without spoken
 * punctuation, as the script turns the training text.
 */
public final class OutsideText {

    private static final Pattern WORD = Pattern.compile("[a-zåäöéüæøA-ZÅÄÖÉÜÆØ]+");
    private static final Map<String, String> SPOKEN = Map.of(".", "punkt", ",", "komma", "?", "frågetecken",
            "!", "utropstecken", ":", "kolon");
    /** Consecutive documents are joined until a dictation has at least this many sentences. */
    static final int SENTENCES_PER_DICTATION = 8;

    /** A written word of the gold text: its form, whether it is a proper noun, whether it opens its sentence. */
    public record GoldWord(String written, boolean properNoun, boolean sentenceInitial) {
    }

    /** One gold sentence: its words and the punctuation tokens after each word (null where none). */
    record GoldSentence(List<GoldWord> words, List<String> marksAfter) {
    }

    /**
     * A dictation in recogniser form.
     *
     * @param transcript the recogniser's words, with command words when spoken
     * @param gold       per transcript word the gold word, null for a spoken command
     * @param ends       the transcript index after the last word of each sentence but the last
     * @param commands   the spoken command words that were inserted
     */
    public record Dictation(String part, List<String> transcript, List<GoldWord> gold, List<Integer> ends,
                            int commands) {
    }

    /** Consecutive sentences of one part of the text (the first letter of their document ids: n news, w Wikipedia). */
    private record Group(String part, List<GoldSentence> sentences) {
    }

    private final List<Group> groups;

    private OutsideText(List<Group> groups) {
        this.groups = groups;
    }

    public static OutsideText read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        List<Group> groups = new ArrayList<>();
        List<GoldSentence> current = new ArrayList<>();
        String lastDoc = null;
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    continue;
                }
                // a dictation never mixes parts, so each part can be scored on its own
                boolean newPart = lastDoc != null && !part(cols[0]).equals(part(lastDoc)) && !current.isEmpty();
                if (newPart || !cols[0].equals(lastDoc) && current.size() >= SENTENCES_PER_DICTATION) {
                    groups.add(new Group(part(lastDoc), current));
                    current = new ArrayList<>();
                }
                lastDoc = cols[0];
                current.add(sentence(cols[1].split(" "), cols[2]));
            }
        }
        if (!current.isEmpty()) {
            groups.add(new Group(part(lastDoc), current));
        }
        return new OutsideText(groups);
    }

    private static String part(String doc) {
        return doc.isEmpty() ? "" : doc.substring(0, 1);
    }

    private static GoldSentence sentence(String[] tokens, String flags) {
        List<GoldWord> words = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (int t = 0; t < tokens.length; t++) {
            Matcher m = WORD.matcher(tokens[t]);
            boolean first = true;
            boolean any = false;
            while (m.find()) {
                words.add(new GoldWord(m.group(), first && flags.charAt(t) == 'P', words.isEmpty()));
                marks.add(null);
                first = false;
                any = true;
            }
            if (!any && SPOKEN.containsKey(tokens[t]) && !marks.isEmpty() && marks.get(marks.size() - 1) == null) {
                marks.set(marks.size() - 1, tokens[t]);
            }
        }
        return new GoldSentence(words, marks);
    }

    public int sentences() {
        return groups.stream().mapToInt(g -> g.sentences().size()).sum();
    }

    public List<Dictation> dictations(boolean spoken) {
        List<Dictation> out = new ArrayList<>();
        for (Group group : groups) {
            List<String> transcript = new ArrayList<>();
            List<GoldWord> gold = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            int commands = 0;
            for (GoldSentence sentence : group.sentences()) {
                if (sentence.words().isEmpty()) {
                    continue;
                }
                for (int w = 0; w < sentence.words().size(); w++) {
                    GoldWord word = sentence.words().get(w);
                    transcript.add(word.written().toLowerCase(Locale.ROOT));
                    gold.add(word);
                    String mark = sentence.marksAfter().get(w);
                    boolean last = w == sentence.words().size() - 1;
                    if (last) {
                        ends.add(transcript.size());
                    }
                    if (spoken && (mark != null || last)) {
                        transcript.add(SPOKEN.get(mark == null || (last && mark.equals(",")) ? "." : mark));
                        gold.add(null);
                        commands++;
                    }
                }
            }
            if (!ends.isEmpty()) {
                ends.remove(ends.size() - 1);
            }
            out.add(new Dictation(group.part(), transcript, gold, ends, commands));
        }
        return out;
    }
}
