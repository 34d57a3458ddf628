package se.dikta.structure.localnames;

import java.util.Locale;
import se.dikta.structure.entities.EntityCategory;

/**
 * One of a unit's own names: how the recogniser says it ({@code spoken}, lowercase words), how it is written,
 * and what it is (PERSON, PLACE or ORGANIZATION).
 */
public record LocalName(String spoken, String written, EntityCategory type) {

    /** The recogniser form of a written name: lowercase words separated by single spaces. */
    public static String spokenForm(String written) {
        return written.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
