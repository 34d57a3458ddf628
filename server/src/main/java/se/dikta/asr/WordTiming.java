package se.dikta.asr;

/** A recognised word with its time in the audio (seconds) and the recogniser's confidence 0..1. */
public record WordTiming(String word, double start, double end, double conf) {}
