package se.dikta.structure.core;

import java.util.Locale;
import java.util.Optional;

/** The fixed section keys of a journal note (shared/journal-sections.md), in their canonical order. */
public enum SectionKey {
    KONTAKT("Kontakt"),
    NARVARANDE("Närvarande"),
    SYFTE("Syfte"),
    INFORMATION("Information"),
    OBSERVATION("Iakttagelser"),
    BEDOMNING("Bedömning"),
    PLANERING("Planering");

    private final String defaultTitle;

    SectionKey(String defaultTitle) {
        this.defaultTitle = defaultTitle;
    }

    public String defaultTitle() {
        return defaultTitle;
    }

    public static Optional<SectionKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(key.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
