package se.dikta.structure.commands;

import se.dikta.structure.core.SectionKey;

/** One element of a parsed dictation: a word of the note, or a command spoken between words. */
public sealed interface DictationItem {

    /** A word of the note; {@code index} is its position in the transcript. */
    record Word(int index, String text) implements DictationItem {
    }

    /**
     * A command spanning transcript words {@code from} (inclusive) to {@code to} (exclusive);
     * {@code section} is set for headings only.
     */
    record Command(CommandKind kind, int from, int to, SectionKey section) implements DictationItem {
    }
}
