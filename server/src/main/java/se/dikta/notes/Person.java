package se.dikta.notes;

/** Who wrote, signed or amended a note, as they were named at that moment (names can change later). */
public record Person(long userId, String name, String title) {}
