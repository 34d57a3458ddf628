package se.dikta.asr;

import java.util.Optional;

/** What /health says about speech recognition. */
public record AsrStatus(String model, boolean loaded, Optional<String> error) {}
