package se.dikta.failure;

/**
 * A failure the person using Dikta can act on, raised by the domain and never by the web layer's types.
 * The message is Swedish and shown as it is; the web layer maps each {@link Kind} to a status in one place
 * ({@code se.dikta.http.JsonErrors}). Anything else that fails is an internal error without details.
 */
public final class DomainException extends RuntimeException {

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

    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, message);
    }

    public static DomainException unauthenticated(String message) {
        return new DomainException(Kind.UNAUTHENTICATED, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }

    public static DomainException tooLarge(String message) {
        return new DomainException(Kind.TOO_LARGE, message);
    }

    public static DomainException unsupported(String message) {
        return new DomainException(Kind.UNSUPPORTED, message);
    }

    public static DomainException throttled(String message) {
        return new DomainException(Kind.THROTTLED, message);
    }

    public static DomainException unavailable(String message) {
        return new DomainException(Kind.UNAVAILABLE, message);
    }
}
