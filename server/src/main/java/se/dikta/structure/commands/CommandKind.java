package se.dikta.structure.commands;

/** What a spoken dictation command asks for. */
public enum CommandKind {
    FULL_STOP("."),
    QUESTION_MARK("?"),
    EXCLAMATION_MARK("!"),
    COMMA(","),
    COLON(":"),
    NEW_LINE(null),
    NEW_PARAGRAPH(null),
    HEADING(null),
    DELETE_LAST_SENTENCE(null);

    private final String mark;

    CommandKind(String mark) {
        this.mark = mark;
    }

    /** The punctuation mark this command writes, or null for layout, headings and corrections. */
    public String mark() {
        return mark;
    }

    /** Ends the sentence being dictated. */
    public boolean endsSentence() {
        return this == FULL_STOP || this == QUESTION_MARK || this == EXCLAMATION_MARK;
    }
}
