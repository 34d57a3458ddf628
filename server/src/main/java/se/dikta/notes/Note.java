package se.dikta.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import se.dikta.speech.WordTiming;

/**
 * A journal note as it stands now (the head of its versions).
 *
 * @param unitId the unit that owns the note (the case's unit); only its members may read it
 * @param eventDate when the documented contact took place
 * @param entryTime when the note was first written
 * @param sections section texts in template order
 * @param transcript the raw recogniser output behind the note, if it was dictated
 * @param words word times of {@code transcript}
 * @param proposal the text the structuring first proposed, kept to measure how much the worker changed
 * @param version number of the latest saved version (1 for a new note)
 * @param signature who locked the note, null while it is a draft
 * @param revision position of the note's latest change in the store's global change order (see
 *        {@code NoteStore}); the search index follows it
 * @param amendments corrections added after signing, oldest first
 */
public record Note(
        String id,
        String caseId,
        long unitId,
        String template,
        LocalDate eventDate,
        Instant entryTime,
        Person author,
        List<NoteSection> sections,
        String transcript,
        List<WordTiming> words,
        NoteMetrics metrics,
        String proposal,
        NoteStatus status,
        int version,
        Signature signature,
        Instant updatedAt,
        long revision,
        List<Amendment> amendments) {

    public Note {
        sections = List.copyOf(sections);
        words = List.copyOf(words);
        amendments = List.copyOf(amendments);
        transcript = transcript == null ? "" : transcript;
        proposal = proposal == null ? "" : proposal;
    }

    public boolean isSigned() {
        return status == NoteStatus.SIGNED;
    }

    /** The text of one section, if the note has it and it is not blank. */
    public Optional<String> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key) && !s.isBlank()).map(NoteSection::text).findFirst();
    }

    /** The note's written text: its non-blank sections in order, separated by blank lines. */
    public String text() {
        return sections.stream().filter(s -> !s.isBlank()).map(s -> s.text().strip())
                .collect(Collectors.joining("\n\n"));
    }

    /** The note with its content replaced (a save, or text appended by dictation) as of {@code at}. */
    public Note edited(LocalDate newEventDate, List<NoteSection> newSections, String newTranscript,
            List<WordTiming> newWords, NoteMetrics newMetrics, String newProposal, int newVersion, Instant at) {
        return new Note(id, caseId, unitId, template, newEventDate, entryTime, author, newSections, newTranscript,
                newWords, newMetrics, newProposal, status, newVersion, signature, at, revision, amendments);
    }

    /** The note locked by {@code by}. */
    public Note signed(Signature by) {
        return new Note(id, caseId, unitId, template, eventDate, entryTime, author, sections, transcript, words,
                metrics, proposal, NoteStatus.SIGNED, version, by, by.at(), revision, amendments);
    }

    /** The note with its amendments replaced, changed at {@code at}. */
    public Note withAmendments(List<Amendment> list, Instant at) {
        return new Note(id, caseId, unitId, template, eventDate, entryTime, author, sections, transcript, words,
                metrics, proposal, status, version, signature, at, revision, list);
    }

    public Note withAmendments(List<Amendment> list) {
        return withAmendments(list, updatedAt);
    }

    public Note withRevision(long newRevision) {
        return new Note(id, caseId, unitId, template, eventDate, entryTime, author, sections, transcript, words,
                metrics, proposal, status, version, signature, updatedAt, newRevision, amendments);
    }
}
