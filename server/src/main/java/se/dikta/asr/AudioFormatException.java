package se.dikta.asr;

/** Audio the service cannot take; {@link #status()} is the HTTP status to answer with. */
public class AudioFormatException extends Exception {

    private final int status;

    private AudioFormatException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Not a RIFF/WAVE file at all, or an encoding other than 16-bit PCM: 415. */
    public static AudioFormatException unsupported(String message) {
        return new AudioFormatException(415, message);
    }

    /** A WAV file that is empty, truncated or inconsistent: 400. */
    public static AudioFormatException corrupt(String message) {
        return new AudioFormatException(400, message);
    }

    public int status() {
        return status;
    }
}
