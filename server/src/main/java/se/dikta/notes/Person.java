package se.dikta.notes;

import se.dikta.identity.AuthUser;

/** Who wrote, signed or amended a note, as they were named at that moment (names can change later). */
public record Person(long userId, String name, String title) {

    static Person of(AuthUser user) {
        return new Person(user.id(), user.displayName(), user.title());
    }
}
