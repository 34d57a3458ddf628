package se.dikta.failure;

/**
 * A failure the person using Dikta can act on, raised by the domain and never by the web layer's types.
 * The message is Swedish and shown as it is; the web layer maps each {@link Kind} to a status in one place
 * ({@code se.dikta.http.JsonErrors}). Anything else that fails is an internal error without details.
 *
 * <p>The family is sealed: one subclass per kind, so code can catch a single kind where it must.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.Invalid, DomainException.Unauthenticated, DomainException.Forbidden,
                DomainException.NotFound, DomainException.Conflict, DomainException.TooLarge,
                DomainException.Unsupported, DomainException.Throttled, DomainException.Unavailable {

    /** What went wrong, independent of any protocol. */
    public enum Kind {
        /** The input is malformed or breaks a rule. */
        INVALID,
        /** Nobody is signed in, or the credentials are wrong. */
        UNAUTHENTICATED,
        /** Signed in, but not allowed to do this. */
        FORBIDDEN,
        /** The thing asked for does not exist (or is not visible to the caller). */
        NOT_FOUND,
        /** The request clashes with the current state (a newer version, a signed note, a duplicate). */
        CONFLICT,
        /** The input is larger than the configured limit. */
        TOO_LARGE,
        /** The input's format is not one the service reads. */
        UNSUPPORTED,
        /** Too many attempts; try again later. */
        THROTTLED,
        /** A part of the service is not ready or not installed; expected, not a fault. */
        UNAVAILABLE
    }

    private final Kind kind;

    private DomainException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static Invalid invalid(String message) {
        return new Invalid(message);
    }

    public static Unauthenticated unauthenticated(String message) {
        return new Unauthenticated(message);
    }

    public static Forbidden forbidden(String message) {
        return new Forbidden(message);
    }

    public static NotFound notFound(String message) {
        return new NotFound(message);
    }

    public static Conflict conflict(String message) {
        return new Conflict(message);
    }

    public static TooLarge tooLarge(String message) {
        return new TooLarge(message);
    }

    public static Unsupported unsupported(String message) {
        return new Unsupported(message);
    }

    public static Throttled throttled(String message) {
        return new Throttled(message);
    }

    public static Unavailable unavailable(String message) {
        return new Unavailable(message);
    }

    public static final class Invalid extends DomainException {
        Invalid(String message) {
            super(Kind.INVALID, message);
        }
    }

    public static final class Unauthenticated extends DomainException {
        Unauthenticated(String message) {
            super(Kind.UNAUTHENTICATED, message);
        }
    }

    public static final class Forbidden extends DomainException {
        Forbidden(String message) {
            super(Kind.FORBIDDEN, message);
        }
    }

    public static final class NotFound extends DomainException {
        NotFound(String message) {
            super(Kind.NOT_FOUND, message);
        }
    }

    public static final class Conflict extends DomainException {
        Conflict(String message) {
            super(Kind.CONFLICT, message);
        }
    }

    public static final class TooLarge extends DomainException {
        TooLarge(String message) {
            super(Kind.TOO_LARGE, message);
        }
    }

    public static final class Unsupported extends DomainException {
        Unsupported(String message) {
            super(Kind.UNSUPPORTED, message);
        }
    }

    public static final class Throttled extends DomainException {
        Throttled(String message) {
            super(Kind.THROTTLED, message);
        }
    }

    public static final class Unavailable extends DomainException {
        Unavailable(String message) {
            super(Kind.UNAVAILABLE, message);
        }
    }
}
