package se.dikta.notes;

/** A recognised word with its time in the dictation (seconds) and the recogniser's confidence 0..1. */
public record WordTime(String word, double start, double end, double conf) {}
