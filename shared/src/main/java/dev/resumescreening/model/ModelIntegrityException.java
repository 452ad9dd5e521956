package dev.resumescreening.model;

/** A stored model is unusable: checksum mismatch, malformed files, or metadata that contradicts the weights. */
public class ModelIntegrityException extends RuntimeException {

    public ModelIntegrityException(String message) {
        super(message);
    }

    public ModelIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
