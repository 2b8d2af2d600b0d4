package dev.pooltags.source;

/**
 * The machine cannot provide what was asked: not Windows, no privilege, no live source. The command line prints
 * the message as one line and exits with status 4.
 */
public class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
