package dev.pooltags.source;

/**
 * Arguments that do not fit together, or a name that names nothing (a source spec, a scenario); printed as one
 * line, exit status 2. It lives here, beside the input and environment errors, so that sources can refuse a wrong
 * argument without knowing the command line.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
