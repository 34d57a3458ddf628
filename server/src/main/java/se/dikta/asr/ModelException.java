package se.dikta.asr;

/** A model directory that must not be loaded; the message says why, in Swedish, for the administrator. */
public class ModelException extends Exception {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
