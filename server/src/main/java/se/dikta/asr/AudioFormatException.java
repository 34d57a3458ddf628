package se.dikta.asr;

import se.dikta.failure.DomainException;

/** Audio the service cannot take; {@link #failure()} is what to tell the person who sent it. */
public class AudioFormatException extends Exception {

    private final boolean unsupported;

    private AudioFormatException(boolean unsupported, String message) {
        super(message);
        this.unsupported = unsupported;
    }

    /** Not a RIFF/WAVE file at all, or an encoding other than 16-bit PCM. */
    public static AudioFormatException unsupported(String message) {
        return new AudioFormatException(true, message);
    }

    /** A WAV file that is empty, truncated or inconsistent. */
    public static AudioFormatException corrupt(String message) {
        return new AudioFormatException(false, message);
    }

    /** The domain failure to report: an unsupported format, or invalid audio. */
    public DomainException failure() {
        return unsupported ? DomainException.unsupported(getMessage()) : DomainException.invalid(getMessage());
    }
}
