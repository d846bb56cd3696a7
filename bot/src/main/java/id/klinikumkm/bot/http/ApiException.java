package id.klinikumkm.bot.http;

/** A request the API refuses; becomes {@code {"error": message}} with the status. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final long retryAfterSeconds;

    public ApiException(int status, String message) {
        this(status, message, 0);
    }

    /** With a Retry-After header, for 429 and 503. */
    public ApiException(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public int status() {
        return status;
    }
}
