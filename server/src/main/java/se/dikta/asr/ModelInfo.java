package se.dikta.asr;

import java.nio.file.Path;

/** What the verifier learned about a model directory. */
public record ModelInfo(Path dir, String name, int sampleRate) {}
