package vn.loa.agent.link;

/** A broker operation failed or did not finish in time. The message is fit for a log line. */
public final class LinkException extends Exception {
    private static final long serialVersionUID = 1L;

    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }

    public LinkException(String message) {
        super(message);
    }

    /** A short description of a failure and its cause, e.g. "Unable to connect to server: Connection refused". */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown cause";
        }
        String text = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text = text + ": " + cause.getMessage();
        }
        return text;
    }
}
