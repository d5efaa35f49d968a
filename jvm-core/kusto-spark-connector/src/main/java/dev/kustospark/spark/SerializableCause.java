package dev.kustospark.spark;

/**
 * A cause of a {@link KustoConnectorException} as text that serializes: the class name, message and
 * stack trace of the original, which prints as the original would in a stack trace. The SDK's
 * exceptions hold their HTTP response and do not serialize.
 */
final class SerializableCause extends Exception {
    private static final long serialVersionUID = 1L;
    /** Deeper causes are left out; a chain that long is no clearer for being complete. */
    private static final int MAX_DEPTH = 16;

    private final String className;

    private SerializableCause(String className, String message, SerializableCause cause) {
        super(message, cause);
        this.className = className;
    }

    /** A copy of {@code failure} and its causes, or null for none. */
    static SerializableCause of(Throwable failure) {
        return of(failure, 0);
    }

    private static SerializableCause of(Throwable failure, int depth) {
        if (failure == null || depth == MAX_DEPTH) {
            return null;
        }
        Throwable next = failure.getCause() == failure ? null : failure.getCause();
        String className = failure instanceof SerializableCause copy ? copy.className : failure.getClass().getName();
        SerializableCause copy = new SerializableCause(className, failure.getMessage(), of(next, depth + 1));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? className : className + ": " + message;
    }
}
