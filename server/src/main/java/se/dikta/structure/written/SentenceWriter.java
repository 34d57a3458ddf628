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

/**
 * Assembles the written sentence from the normaliser's tokens: names the name finder or the lexicon
 * recognises are capitalised, organisations get their lexicon spelling (BUP, Försäkringskassan), street
 * names and law abbreviations are written as names, dictated commas and colons are attached, the first
 * letter is capitalised and the final mark added. Thread-safe (the normaliser is).
 */
public final class SentenceWriter {

    /** Compounds on a street word that are ordinary nouns ("skolvägen" = the way to school). */
    private static final Set<String> NOT_STREETS = Set.of("skolvägen", "hemvägen", "motorvägen", "genvägen",
            "omvägen", "landsvägen", "bilvägen", "cykelvägen", "gångvägen", "luftvägen", "luftvägar", "bakgatan",
            "huvudgatan", "sidogatan", "huvudleden", "gågatan", "tillbakavägen", "ditvägen");

    private final SpokenNumberNormalizer normalizer;
    private final Lexicon lexicon;

    public SentenceWriter(SpokenNumberNormalizer normalizer, Lexicon lexicon) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
    }

    /** @param names the name finder's spans over {@code sentence.words()} */
    public WrittenSentence write(SpokenSentence sentence, List<NameSpan> names) {
        List<String> words = sentence.words();
        List<Piece> pieces = pieces(words, normalizer.normalize(words), names);

        StringBuilder text = new StringBuilder();
        List<FoundEntity> entities = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        int[] pieceStart = new int[pieces.size()];
        int[] pieceEnd = new int[pieces.size()];
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            if (p > 0) {
                text.append(' ');
            }
            pieceStart[p] = text.length();
            text.append(piece.text);
            pieceEnd[p] = text.length();
            String mark = sentence.marks().get(piece.toWord - 1);
            if (mark != null && p < pieces.size() - 1) {
                text.append(mark);
            }
            if (piece.flag != null) {
                flags.add(piece.flag);
            }
        }
        entities.addAll(entities(pieces, names, pieceStart, pieceEnd, text));
        if (!text.isEmpty()) {
            text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        }
        String lastMark = sentence.marks().get(words.size() - 1);
        text.append(":".equals(lastMark) ? ":" : sentence.terminator());
        return new WrittenSentence(text.toString(), withText(entities, text), flags);
    }

    /** A stretch of written text from words [fromWord, toWord) of the sentence. */
    private static final class Piece {
        final int fromWord;
        final int toWord;
        final String flag;
        final EntityCategory ruleCategory;
        String text;
        EntityCategory lexiconCategory;
        boolean everyday;

        Piece(String text, int fromWord, int toWord, EntityCategory ruleCategory, String flag) {
            this.text = text;
            this.fromWord = fromWord;
            this.toWord = toWord;
            this.ruleCategory = ruleCategory;
            this.flag = flag;
        }

        boolean overlaps(int from, int to) {
            return fromWord < to && from < toWord;
        }
    }

    private List<Piece> pieces(List<String> words, List<WrittenToken> tokens, List<NameSpan> names) {
        List<Piece> pieces = new ArrayList<>(tokens.size());
        int t = 0;
        while (t < tokens.size()) {
            WrittenToken token = tokens.get(t);
            if (!isPassThrough(token, words)) {
                EntityCategory rule = token.entity() == null ? null
                        : EntityCategory.parse(token.entity().name()).orElse(null);
                pieces.add(new Piece(token.text(), token.fromWord(), token.toWord(), rule, token.flag()));
                t++;
                continue;
            }
            Optional<Lexicon.Match> match = lexicon.match(words, token.fromWord());
            int span = match.isPresent() ? passThroughRun(tokens, t, match.get().length(), words) : 0;
            if (span > 0) {
                Lexicon.Entry entry = match.get().entry();
                Piece piece = new Piece(entry.written(), token.fromWord(), token.fromWord() + span, null, null);
                piece.lexiconCategory = entry.category().orElse(null);
                piece.everyday = entry.everydayWord();
                pieces.add(piece);
                t += span;
                continue;
            }
            String word = token.text();
            pieces.add(new Piece(isStreet(word) ? capitalise(word) : word, token.fromWord(), token.toWord(), null,
                    null));
            t++;
        }
        resolveEverydayWords(pieces, names);
        capitaliseNames(pieces, names);
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

    private boolean isStreet(String word) {
        return normalizer.isStreetName(word) && !NOT_STREETS.contains(word);
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
            boolean besideName = isClearName(pieces, p - 1) || isClearName(pieces, p + 1);
            if (!byFinder && !besideName) {
                piece.text = lowerFirst(piece.text);
                piece.lexiconCategory = null;
            }
        }
    }

    private static boolean isClearName(List<Piece> pieces, int p) {
        return p >= 0 && p < pieces.size() && pieces.get(p).lexiconCategory == EntityCategory.PERSON
                && !pieces.get(p).everyday;
    }

    private static void capitaliseNames(List<Piece> pieces, List<NameSpan> names) {
        for (NameSpan name : names) {
            if (name.category() != EntityCategory.PERSON && name.category() != EntityCategory.PLACE) {
                continue;
            }
            for (Piece piece : pieces) {
                if (piece.overlaps(name.from(), name.to()) && piece.ruleCategory == null
                        && piece.lexiconCategory == null && !piece.text.isEmpty()
                        && Character.isLetter(piece.text.charAt(0))) {
                    piece.text = capitalise(piece.text);
                }
            }
        }
    }

    private List<FoundEntity> entities(List<Piece> pieces, List<NameSpan> names, int[] start, int[] end,
                                              CharSequence text) {
        List<FoundEntity> found = new ArrayList<>();
        boolean[] taken = new boolean[pieces.size()];
        for (int p = 0; p < pieces.size(); p++) {
            if (pieces.get(p).ruleCategory != null) {
                found.add(new FoundEntity(null, pieces.get(p).ruleCategory, start[p], end[p]));
                taken[p] = true;
            }
        }
        for (NameSpan name : names) {
            int first = -1;
            int last = -1;
            for (int p = 0; p < pieces.size(); p++) {
                if (pieces.get(p).overlaps(name.from(), name.to()) && !taken[p]) {
                    first = first < 0 ? p : first;
                    last = p;
                }
            }
            if (first >= 0) {
                found.add(new FoundEntity(null, name.category(), start[first], end[last]));
                for (int p = first; p <= last; p++) {
                    taken[p] = true;
                }
            }
        }
        for (int p = 0; p < pieces.size(); p++) {
            EntityCategory category = pieces.get(p).lexiconCategory;
            if (category == null && isStreetPiece(pieces.get(p))) {
                category = EntityCategory.PLACE;
            }
            if (category == null || taken[p]) {
                continue;
            }
            int last = p;
            // "Anna Berg": adjacent person names from the lexicon are one entity.
            while (category == EntityCategory.PERSON && last + 1 < pieces.size() && !taken[last + 1]
                    && pieces.get(last + 1).lexiconCategory == EntityCategory.PERSON) {
                last++;
            }
            found.add(new FoundEntity(null, category, start[p], end[last]));
            p = last;
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** "Storgatan" or the normaliser's "Storgatan 12". */
    private boolean isStreetPiece(Piece piece) {
        if (piece.lexiconCategory != null || piece.ruleCategory != null || piece.text.isEmpty()
                || !Character.isUpperCase(piece.text.charAt(0))) {
            return false;
        }
        int space = piece.text.indexOf(' ');
        String first = space < 0 ? piece.text : piece.text.substring(0, space);
        return isStreet(first.toLowerCase(Locale.ROOT));
    }

    private static List<FoundEntity> withText(List<FoundEntity> entities, CharSequence text) {
        return entities.stream()
                .map(e -> new FoundEntity(text.subSequence(e.start(), e.end()).toString(), e.category(), e.start(),
                        e.end()))
                .toList();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
