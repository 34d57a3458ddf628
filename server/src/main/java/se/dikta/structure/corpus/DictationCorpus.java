package se.dikta.structure.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Outside Swedish in dictation form ({@code dictation/}, built by models/nlp/build-outside-data.py from public
 * treebanks): {@code *.plain.txt} one sentence a line without punctuation, a blank line between documents;
 * {@code *.spoken.txt} the same sentences with the punctuation a speaker dictates as upper-case command
 * tokens (PUNKT, KOMMA ...); {@code *.upos.txt} the part of speech of each plain word (absent for text without
 * tags, whose words are then tagged "X"); {@code finite-verbs.txt}.
 * Also the common words of {@code words/*.txt}. Immutable.
 *
 * @param documents runs of consecutive sentences, each a list of lowercase words
 * @param spoken    one list per document: its tokens with command tokens in upper case
 * @param tags      parallel to {@code spoken}: the part of speech of each word, "CMD" for a command token
 */
public record DictationCorpus(List<List<List<String>>> documents, List<List<String>> spoken,
                              List<List<String>> tags, Set<String> finiteVerbs, Set<String> commonWords) {

    public DictationCorpus {
        documents = List.copyOf(documents);
        spoken = List.copyOf(spoken);
        tags = List.copyOf(tags);
        finiteVerbs = Set.copyOf(finiteVerbs);
        commonWords = Set.copyOf(commonWords);
    }

    /** The documents whose index {@code keep} accepts, with the same verbs and common words (cross-validation). */
    public DictationCorpus part(java.util.function.IntPredicate keep) {
        List<List<List<String>>> d = new ArrayList<>();
        List<List<String>> s = new ArrayList<>();
        List<List<String>> t = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (keep.test(i)) {
                d.add(documents.get(i));
                s.add(spoken.get(i));
                t.add(tags.get(i));
            }
        }
        return new DictationCorpus(d, s, t, finiteVerbs, commonWords);
    }

    /**
     * The documents of tagged text only. The command model learns what "punkt" and "komma" look like as words
     * from the tagged slots (a noun after "en", an infinitive), so text without tags would only shift its
     * balance of commands against words, not teach it that difference.
     */
    public DictationCorpus tagged() {
        return part(i -> tags.get(i).stream().anyMatch(t -> !t.equals("X") && !t.equals("CMD")));
    }

    public static DictationCorpus read(CorpusSource source) throws IOException {
        List<List<List<String>>> documents = new ArrayList<>();
        List<List<String>> spoken = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        for (String path : source.list("dictation", ".plain.txt")) {
            String base = path.substring(0, path.length() - ".plain.txt".length());
            List<List<List<String>>> plain = documents(source.read(path));
            List<List<List<String>>> said = documents(source.read(base + ".spoken.txt"));
            // raw text has no tags: without an upos file its words are "X", which the tag users skip
            List<List<List<String>>> upos = source.list("dictation", ".upos.txt").contains(base + ".upos.txt")
                    ? documents(source.read(base + ".upos.txt")) : plain.stream().map(d -> List.<List<String>>of()).toList();
            if (plain.size() != said.size() || plain.size() != upos.size()) {
                throw new IllegalArgumentException(base + ": plain, spoken and upos files disagree on documents");
            }
            documents.addAll(plain);
            for (int d = 0; d < said.size(); d++) {
                List<String> tokens = new ArrayList<>();
                List<String> tagged = new ArrayList<>();
                List<String> wordTags = upos.get(d).stream().flatMap(List::stream).toList();
                int w = 0;
                for (List<String> sentence : said.get(d)) {
                    for (String token : sentence) {
                        tokens.add(token);
                        boolean command = !token.equals(token.toLowerCase(Locale.ROOT));
                        tagged.add(command ? "CMD" : w < wordTags.size() ? wordTags.get(w++) : "X");
                    }
                }
                spoken.add(tokens);
                tags.add(tagged);
            }
        }
        Set<String> verbs = new HashSet<>(words(source, "dictation/finite-verbs.txt"));
        Set<String> common = new HashSet<>();
        for (String path : source.list("words", ".txt")) {
            common.addAll(words(source, path));
        }
        return new DictationCorpus(documents, spoken, tags, verbs, common);
    }

    private static List<String> words(CorpusSource source, String path) throws IOException {
        if (!source.list(path.substring(0, path.indexOf('/')), ".txt").contains(path)) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String line : source.read(path).split("\r?\n")) {
            String w = line.strip();
            if (!w.isEmpty() && !w.startsWith("#")) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static List<List<List<String>>> documents(String text) {
        List<List<List<String>>> documents = new ArrayList<>();
        List<List<String>> current = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            String s = line.strip();
            if (s.isEmpty()) {
                if (!current.isEmpty()) {
                    documents.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(List.of(s.split("\\s+")));
        }
        if (!current.isEmpty()) {
            documents.add(current);
        }
        return documents;
    }
}
