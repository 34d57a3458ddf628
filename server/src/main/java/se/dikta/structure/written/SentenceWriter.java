package se.dikta.structure.written;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import se.dikta.structure.entities.EntityCategory;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.entities.NameSpan;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.normalize.WrittenToken;
import se.dikta.structure.segment.SpokenSentence;
import se.dikta.structure.written.Piece.Kind;

/**
 * Assembles the written sentence from the normaliser's tokens: names found by the name finder, the lexicon
 * or earlier in the same note are capitalised, organisations get their lexicon spelling (BUP,
 * Försäkringskassan), street names are written as names, dictated commas and colons are attached, the first
 * letter is capitalised and the final mark added (a question mark for question word order when the speaker
 * dictated none). Collects the sentence's entities with offsets into its text. Thread-safe.
 */
public final class SentenceWriter {

    /** Compounds on a street word that are ordinary nouns ("skolvägen" = the way to school). */
    private static final Set<String> NOT_STREETS = Set.of("skolvägen", "hemvägen", "motorvägen", "genvägen",
            "omvägen", "landsvägen", "bilvägen", "cykelvägen", "gångvägen", "luftvägen", "bakgatan", "huvudgatan",
            "sidogatan", "huvudleden", "gågatan", "tillbakavägen", "ditvägen");

    /** Role and service nouns the name finder sometimes takes for names ("barnläkare", "tandvården"). */
    private static final List<String> NOT_NAME_SUFFIXES = List.of("läkare", "sekreterare", "handläggare",
            "kurator", "inspektör", "assistent", "pedagog", "terapeut", "ledare", "stödjare", "behandlare",
            "sköterska", "tolk", "rektor", "lärare", "chef", "psykolog", "konsulent", "vårdare", "personal",
            "jurist", "vården", "tjänsten", "mottagningen", "enheten", "kliniken", "centralen", "huset");

    private final SpokenNumberNormalizer normalizer;
    private final Lexicon lexicon;
    private final Set<String> ordinaryWords;
    private final Set<String> commonWords;
    private final QuestionDetector questions = new QuestionDetector();

    /** @param ordinaryWords words the entity corpus only shows outside names; never capitalised on a guess */
    public SentenceWriter(SpokenNumberNormalizer normalizer, Lexicon lexicon, Set<String> ordinaryWords) {
        this(normalizer, lexicon, ordinaryWords, Set.of());
    }

    /** @param commonWords lowercase common words of the Swedish word lists ("utväg"): never written as a street */
    public SentenceWriter(SpokenNumberNormalizer normalizer, Lexicon lexicon, Set<String> ordinaryWords,
                          Set<String> commonWords) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
        this.ordinaryWords = Set.copyOf(ordinaryWords);
        this.commonWords = Set.copyOf(commonWords);
    }

    /** This writer with another lexicon (the trained one plus a unit's local names). */
    public SentenceWriter withLexicon(Lexicon other) {
        return other == lexicon ? this : new SentenceWriter(normalizer, other, ordinaryWords, commonWords);
    }

    /** The words of the name finder's person spans that can be names; a note remembers them for later sentences. */
    public List<String> personWords(List<String> words, List<NameSpan> spans) {
        List<String> names = new ArrayList<>();
        for (NameSpan span : spans) {
            if (span.category() == EntityCategory.PERSON) {
                for (int w = span.from(); w < span.to(); w++) {
                    if (!isOrdinary(words.get(w)) && !normalizer.isNumberWord(words.get(w))) {
                        names.add(words.get(w));
                    }
                }
            }
        }
        return names;
    }

    /**
     * @param names     the name finder's spans over {@code sentence.words()}
     * @param noteNames person names found anywhere in the note, so "ragnar" and "ragnars" are names throughout
     */
    public WrittenSentence write(SpokenSentence sentence, List<NameSpan> names, Set<String> noteNames) {
        List<String> words = sentence.words();
        List<Piece> pieces = pieces(words, normalizer.normalize(words));
        List<NameSpan> accepted = names.stream().filter(n -> plausible(n, pieces, words)).toList();
        resolveEverydayWords(pieces, accepted);
        capitaliseNames(pieces, accepted, noteNames, words);

        StringBuilder text = new StringBuilder();
        List<String> flags = new ArrayList<>();
        int[] start = new int[pieces.size()];
        int[] end = new int[pieces.size()];
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            if (p > 0) {
                text.append(' ');
            }
            start[p] = text.length();
            text.append(piece.text);
            end[p] = text.length();
            String mark = sentence.marks().get(piece.toWord - 1);
            if (mark != null && p < pieces.size() - 1) {
                text.append(mark);
            }
            if (piece.flag != null) {
                flags.add(piece.flag);
            }
        }
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        List<FoundEntity> entities = EntityCollector.collect(pieces, accepted, start, end, text, this::isStreet);
        String lastMark = sentence.marks().get(words.size() - 1);
        text.append(":".equals(lastMark) ? ":" : sentence.dictatedTerminator()
                .orElse(questions.isQuestion(words) ? "?" : "."));
        return new WrittenSentence(text.toString(), entities, flags);
    }

    private List<Piece> pieces(List<String> words, List<WrittenToken> tokens) {
        List<Piece> pieces = new ArrayList<>(tokens.size());
        int t = 0;
        while (t < tokens.size()) {
            WrittenToken token = tokens.get(t);
            if (!isPassThrough(token, words)) {
                EntityCategory rule = token.entity() == null ? null
                        : EntityCategory.parse(token.entity().name()).orElse(null);
                pieces.add(new Piece(token.text(), token.fromWord(), token.toWord(),
                        rule == null ? Kind.NORMALISED : Kind.RULE, rule, token.flag()));
                t++;
                continue;
            }
            Optional<Lexicon.Match> match = lexicon.match(words, token.fromWord());
            int span = match.isPresent() ? passThroughRun(tokens, t, match.get().length(), words) : 0;
            if (span > 0) {
                Lexicon.Entry entry = match.get().entry();
                Piece piece = new Piece(entry.written(), token.fromWord(), token.fromWord() + span, Kind.LEXICON,
                        entry.category().orElse(null), null);
                piece.everyday = entry.everydayWord();
                pieces.add(piece);
                t += span;
                continue;
            }
            String word = token.text();
            pieces.add(new Piece(isStreet(word) ? capitalise(word) : word, token.fromWord(), token.toWord(), Kind.WORD,
                    null, null));
            t++;
        }
        return pieces;
    }

    /** How many of the next {@code length} tokens are single unchanged words (all of them, or 0). */
    private static int passThroughRun(List<WrittenToken> tokens, int t, int length, List<String> words) {
        if (t + length > tokens.size()) {
            return 0;
        }
        for (int k = t; k < t + length; k++) {
            if (!isPassThrough(tokens.get(k), words)) {
                return 0;
            }
        }
        return length;
    }

    private static boolean isPassThrough(WrittenToken token, List<String> words) {
        return token.entity() == null && token.toWord() == token.fromWord() + 1
                && token.text().equals(words.get(token.fromWord()));
    }

    private boolean isOrdinary(String word) {
        return ordinaryWords.contains(word) || NOT_NAME_SUFFIXES.stream().anyMatch(word::endsWith);
    }

    private boolean isStreet(String word) {
        return normalizer.isStreetName(word) && !NOT_STREETS.contains(word) && !commonWords.contains(word);
    }

    /**
     * The name finder guesses on lowercase words, so a span is believed only over plain words (a street span
     * may end in its number), at least one of which is a lexicon entry or not an ordinary word.
     */
    private boolean plausible(NameSpan name, List<Piece> pieces, List<String> words) {
        boolean evidence = false;
        for (Piece piece : pieces) {
            if (!piece.overlaps(name.from(), name.to())) {
                continue;
            }
            boolean streetNumber = name.category() == EntityCategory.PLACE && piece.kind == Kind.NORMALISED;
            if (piece.kind == Kind.RULE || (piece.kind == Kind.NORMALISED && !streetNumber)) {
                return false;
            }
            evidence |= piece.kind == Kind.LEXICON || (piece.kind == Kind.WORD
                    && !isOrdinary(words.get(piece.fromWord)));
        }
        return evidence;
    }

    /**
     * A lexicon name that is also an everyday word ("dag", "hans", "berg") counts as a name only when the name
     * finder says so or it stands next to an unambiguous name ("anna berg").
     */
    private static void resolveEverydayWords(List<Piece> pieces, List<NameSpan> names) {
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            if (!piece.everyday) {
                continue;
            }
            boolean byFinder = names.stream().anyMatch(n -> piece.overlaps(n.from(), n.to()));
            if (!byFinder && !isClearName(pieces, p - 1) && !isClearName(pieces, p + 1)) {
                piece.text = piece.text.toLowerCase(Locale.ROOT);
                piece.category = null;
                piece.everyday = false;
            }
        }
    }

    private static boolean isClearName(List<Piece> pieces, int p) {
        return p >= 0 && p < pieces.size() && pieces.get(p).category == EntityCategory.PERSON
                && !pieces.get(p).everyday;
    }

    private void capitaliseNames(List<Piece> pieces, List<NameSpan> names, Set<String> noteNames,
                                 List<String> words) {
        for (Piece piece : pieces) {
            if (piece.kind != Kind.WORD) {
                continue;
            }
            String word = words.get(piece.fromWord);
            boolean inSpan = names.stream().anyMatch(n -> piece.overlaps(n.from(), n.to())
                    && (n.category() == EntityCategory.PERSON || n.category() == EntityCategory.PLACE));
            boolean known = noteNames.contains(word)
                    || (word.length() > 2 && word.endsWith("s") && noteNames.contains(word.substring(0, word.length() - 1)));
            if ((inSpan && !isOrdinary(word)) || known) {
                piece.text = capitalise(piece.text);
            }
            if (known && !inSpan) {
                piece.category = EntityCategory.PERSON;
            }
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
