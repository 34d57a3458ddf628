package se.dikta.structure.repair;

import java.util.List;

/**
 * A self-correction while dictating: {@code removed} (the words taken back and the repair marker, transcript
 * indices {@code from} inclusive to {@code to} exclusive) gave way to {@code kept}, the repaired phrase as it
 * is written into the note (words carried over from the taken-back phrase included, e.g. the month of
 * "den tolfte mars nej den trettonde"). {@code keptFrom} is the transcript index of the repaired phrase's
 * first word; {@code kind} what was repaired (DATE, TIME, AMOUNT, NUMBER, PERSON, PHRASE).
 */
public record Repair(String kind, List<String> removed, int from, int to, List<String> kept, int keptFrom) {

    public Repair {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }
}
