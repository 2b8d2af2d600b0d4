package dev.pooltags.serve.http;

/** A request head that is answered with an error status and the connection closed: malformed or over a limit. */
public final class RequestRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public RequestRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400, 414, 431 or 505. */
    public int status() {
        return status;
    }
}
