package se.dikta.structure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.entities.EntityCategory;

/**
 * The answer of {@code POST /api/structure} (api.md, Structuring). Offsets: {@code text} is all sentence texts
 * joined by single spaces in dictation order; the note's {@code entities} and each sentence's
 * {@code start}/{@code end} are character offsets into it. A sentence's own {@code entities} are offsets into
 * that sentence's {@code text}.
 */
public record StructuredNote(String template, List<Section> sections, List<Sentence> sentences,
                             List<Entity> entities, List<Warning> warnings, List<Removed> removed, String text) {

    public StructuredNote {
        sections = List.copyOf(sections);
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        warnings = List.copyOf(warnings);
        removed = List.copyOf(removed);
    }

    /** A section with text, in the template's order, under the template's title. */
    public record Section(SectionKey key, String title, String text) {
    }

    /**
     * A written sentence: where it was placed, the classifier's confidence (1.0 under a heading command), its
     * character range in the note text, and the transcript words (and times, when sent) it came from.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sentence(String text, SectionKey section, double confidence, boolean heading, int start, int end,
                           WordRange words, TimeRange time, List<Entity> entities) {
    }

    /** Transcript word indices, {@code from} inclusive, {@code to} exclusive. */
    public record WordRange(int from, int to) {
    }

    /** Seconds into the recording: start of the first word, end of the last. */
    public record TimeRange(double start, double end) {
    }

    public record Entity(String text, EntityCategory type, int start, int end) {
    }

    /** A note for the writer about sentence number {@code sentence} (0-based index into sentences). */
    public record Warning(int sentence, String message) {
    }

    /**
     * Words left out of the note, in spoken form. {@code reason} "deleted": a sentence the speaker deleted with
     * "radera senaste meningen" or "nej stryk det". {@code reason} "repair": a self-correction ("den tolfte mars
     * nej förlåt"), with {@code sentence} the index of the sentence that holds the repaired phrase and
     * {@code replacement} that phrase in spoken form.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Removed(String spoken, WordRange words, String reason, Integer sentence, String replacement) {

        public static final String DELETED = "deleted";
        public static final String REPAIR = "repair";

        /** A deleted sentence. */
        public Removed(String spoken, WordRange words) {
            this(spoken, words, DELETED, null, null);
        }
    }
}
