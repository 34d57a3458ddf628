package se.dikta.structure.normalize;

/**
 * One written token: its text, the half-open range of input word indexes it came from, and an entity
 * type if a rule recognised one. {@code flag} marks something a reviewer should check
 * ({@value #INVALID_CHECKSUM}), otherwise it is null.
 */
public record WrittenToken(String text, int fromWord, int toWord, EntityType entity, String flag) {

    /** Flag of a personnummer whose Luhn check digit does not match. */
    public static final String INVALID_CHECKSUM = "invalid-checksum";

    /** A word passed through unchanged. */
    public static WrittenToken word(String text, int index) {
        return new WrittenToken(text, index, index + 1, null, null);
    }
}
