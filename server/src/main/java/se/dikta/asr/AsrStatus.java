package se.dikta.asr;

import java.util.Optional;

/** What /health says about speech recognition; {@code download} while a missing model is being fetched. */
public record AsrStatus(String model, boolean loaded, Optional<String> error, Optional<ModelDownload.Progress> download) {}
