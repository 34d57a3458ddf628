package se.dikta.structure.entities;

import java.util.Locale;
import java.util.Optional;

/** The entity types of the structuring response (api.md). */
public enum EntityCategory {
    PERSON, ORGANIZATION, PLACE, DATE, TIME, AMOUNT, PERSONNUMMER, PHONE;

    /** Reads a type name as the name-finder data writes it ("person") or as api.md does ("PERSON"). */
    public static Optional<EntityCategory> parse(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
