package dev.kustospark.matrix;

/** A scenario's expectation that did not hold; its message becomes the result's {@code detail}. */
final class ScenarioFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScenarioFailure(String message) {
        super(message);
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new ScenarioFailure(message);
        }
    }
}
