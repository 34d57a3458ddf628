package se.dikta.structure.segment;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import se.dikta.structure.core.SectionKey;

/**
 * A sentence found in the transcript, still in spoken form.
 *
 * @param wordIndices transcript index of each word (command words excluded, so not always contiguous)
 * @param words       the words of the note, without command words
 * @param marks       punctuation dictated after each word ("," or ":"), null where none; parallel to words
 * @param terminator  the final mark the speaker dictated (".", "?" or "!"), or null when none was
 * @param layout      the break dictated before the sentence
 * @param heading     the section forced by the last heading command, if any
 */
public record SpokenSentence(List<Integer> wordIndices, List<String> words, List<String> marks, String terminator,
                             Layout layout, SectionKey heading) {

    public SpokenSentence {
        wordIndices = List.copyOf(wordIndices);
        words = List.copyOf(words);
        marks = Collections.unmodifiableList(Arrays.asList(marks.toArray(String[]::new)));
        if (words.isEmpty() || words.size() != wordIndices.size() || words.size() != marks.size()) {
            throw new IllegalArgumentException("a sentence needs words with parallel indices and marks");
        }
    }

    /** First transcript word index (inclusive). */
    public int from() {
        return wordIndices.get(0);
    }

    /** Transcript word index after the last word (exclusive). */
    public int to() {
        return wordIndices.get(wordIndices.size() - 1) + 1;
    }

    public Optional<String> dictatedTerminator() {
        return Optional.ofNullable(terminator);
    }

    public Optional<SectionKey> forcedSection() {
        return Optional.ofNullable(heading);
    }
}
