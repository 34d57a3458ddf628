package se.dikta.structure.segment;

import java.util.ArrayList;
import java.util.List;
import se.dikta.structure.commands.CommandKind;
import se.dikta.structure.commands.DictationItem;
import se.dikta.structure.commands.DictationItem.Command;
import se.dikta.structure.commands.DictationItem.Word;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.core.Transcript;

/**
 * Cuts a parsed dictation into sentences. Commands give hard boundaries (full stop, question mark, new line,
 * heading, deletion); between them a long pause in the word times ends a sentence, and otherwise the
 * boundary model decides ({@link BoundaryDecoder}).
 * Deletion commands then remove the sentence before them.
 *
 * <p>A speaker who dictates punctuation is trusted: once the dictation so far has a spoken sentence end for
 * every {@link #PUNCTUATING_WORDS_PER_END} words or fewer, the model adds a boundary of its own only where it
 * is nearly certain ({@link #TRUSTING_MIN_PROBABILITY}). Thread-safe.
 */
public final class SentenceSplitter {

    private static final int BEAM_WIDTH = 4;
    /** At most this many words per spoken sentence end so far, and the speaker is taken to punctuate. */
    static final int PUNCTUATING_WORDS_PER_END = 40;
    /** The least boundary probability the model needs for a boundary of its own in a punctuated dictation. */
    static final double TRUSTING_MIN_PROBABILITY = 0.98;

    private final BoundaryDecoder decoder;
    private final BoundaryDecoder noteDecoder;
    private final WordClasses classes;
    private final LengthPriors lengths;
    private final double longPauseSeconds;

    public SentenceSplitter(BoundaryModel model, double longPauseSeconds) {
        this.decoder = new BoundaryDecoder(model, BEAM_WIDTH);
        this.noteDecoder = new BoundaryDecoder(model.forNotes(), BEAM_WIDTH);
        this.classes = model.wordClasses();
        this.lengths = model.lengths();
        this.longPauseSeconds = longPauseSeconds;
    }

    public Segmentation split(Transcript transcript, List<DictationItem> items) {
        boolean note = lengths.isNote(transcript.words());
        Builder builder = new Builder(transcript, note ? noteDecoder : decoder, note ? lengths.notes() : lengths.prose());
        for (DictationItem item : items) {
            if (item instanceof Word word) {
                builder.word(word);
            } else if (item instanceof Command command) {
                builder.command(command);
            }
        }
        builder.flush(null);
        return new Segmentation(builder.sentences, builder.removed);
    }

    /** The words of {@code items} as one sentence: commas and colons kept, a final mark as its terminator. */
    public static SpokenSentence asOneSentence(List<DictationItem> items) {
        List<Integer> indices = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        String terminator = null;
        for (DictationItem item : items) {
            if (item instanceof Word word) {
                indices.add(word.index());
                words.add(word.text());
                marks.add(null);
                terminator = null;
            } else if (item instanceof Command command && command.kind().mark() != null && !marks.isEmpty()) {
                if (command.kind().endsSentence()) {
                    terminator = command.kind().mark();
                } else {
                    marks.set(marks.size() - 1, command.kind().mark());
                }
            }
        }
        return new SpokenSentence(indices, words, marks, terminator, Layout.NONE, null);
    }

    /** Accumulates the words between hard boundaries. */
    private final class Builder {
        private final Transcript transcript;
        private final BoundaryDecoder decoder;
        private final SentenceLengths prior;
        private final List<SpokenSentence> sentences = new ArrayList<>();
        private final List<SpokenSentence> removed = new ArrayList<>();
        private final List<Integer> indices = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private final List<String> marks = new ArrayList<>();
        private Layout layout = Layout.NONE;
        private SectionKey heading;
        private int wordsSeen;
        private int spokenEnds;

        Builder(Transcript transcript, BoundaryDecoder decoder, SentenceLengths prior) {
            this.transcript = transcript;
            this.decoder = decoder;
            this.prior = prior;
        }

        void word(Word word) {
            indices.add(word.index());
            words.add(word.text());
            marks.add(null);
            wordsSeen++;
        }

        void command(Command command) {
            CommandKind kind = command.kind();
            switch (kind) {
                case COMMA, COLON -> {
                    if (!marks.isEmpty()) {
                        marks.set(marks.size() - 1, kind.mark());
                    }
                }
                case FULL_STOP, QUESTION_MARK, EXCLAMATION_MARK -> {
                    spokenEnds++;
                    flush(kind.mark());
                }
                case NEW_LINE -> {
                    flush(null);
                    layout = layout.max(Layout.LINE);
                }
                case NEW_PARAGRAPH -> {
                    flush(null);
                    layout = Layout.PARAGRAPH;
                }
                case HEADING -> {
                    flush(null);
                    heading = command.section();
                    layout = Layout.NONE;
                }
                case DELETE_LAST_SENTENCE -> {
                    flush(null);
                    if (!sentences.isEmpty()) {
                        removed.add(sentences.remove(sentences.size() - 1));
                    }
                }
            }
        }

        void flush(String terminator) {
            if (words.isEmpty()) {
                return;
            }
            BoundaryDecoder.Constraint[] constraints = new BoundaryDecoder.Constraint[words.size() - 1];
            for (int i = 0; i < constraints.length; i++) {
                constraints[i] = constraint(i);
            }
            boolean punctuating = spokenEnds > 0 && wordsSeen <= (long) spokenEnds * PUNCTUATING_WORDS_PER_END;
            // a punctuating speaker's own ends are the truth: there the model only adds sure ones, with no prior
            boolean[] ends = punctuating
                    ? decoder.decode(words, constraints, TRUSTING_MIN_PROBABILITY, SentenceLengths.NONE)
                    : decoder.decode(words, constraints, 0.0, prior);
            int start = 0;
            for (int i = 0; i < ends.length; i++) {
                if (ends[i]) {
                    add(start, i + 1, null);
                    start = i + 1;
                }
            }
            add(start, words.size(), terminator);
            indices.clear();
            words.clear();
            marks.clear();
        }

        private BoundaryDecoder.Constraint constraint(int i) {
            if (marks.get(i) != null) {
                return BoundaryDecoder.Constraint.NEVER; // the speaker said "komma" or "kolon" here
            }
            if (classes.belongTogether(words.get(i), words.get(i + 1))) {
                return BoundaryDecoder.Constraint.NEVER;
            }
            double pause = transcript.pauseAfter(indices.get(i));
            if (!Double.isNaN(pause) && pause >= longPauseSeconds) {
                return BoundaryDecoder.Constraint.ALWAYS;
            }
            return BoundaryDecoder.Constraint.FREE;
        }

        private void add(int from, int to, String terminator) {
            sentences.add(new SpokenSentence(indices.subList(from, to), words.subList(from, to),
                    marks.subList(from, to), terminator, layout, heading));
            layout = Layout.NONE;
        }
    }
}
