package se.dikta.structure.written;

import se.dikta.structure.entities.EntityCategory;

/** A stretch of written text from words [fromWord, toWord) of the sentence. */
final class Piece {

    enum Kind { WORD, NORMALISED, RULE, LEXICON }

    final int fromWord;
    final int toWord;
    final Kind kind;
    final String flag;
    String text;
    EntityCategory category;
    boolean everyday;

    Piece(String text, int fromWord, int toWord, Kind kind, EntityCategory category, String flag) {
        this.text = text;
        this.fromWord = fromWord;
        this.toWord = toWord;
        this.kind = kind;
        this.category = category;
        this.flag = flag;
    }

    boolean overlaps(int from, int to) {
        return fromWord < to && from < toWord;
    }
}
