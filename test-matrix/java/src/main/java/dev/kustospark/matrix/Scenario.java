package dev.kustospark.matrix;

/** One scenario of test-matrix/scenarios, by its id (the file name without {@code .md}). */
record Scenario(String id, Body body) {
    /** Runs the scenario, checks its expectations and returns the checksum of its result. */
    @FunctionalInterface
    interface Body {
        String run(MatrixSession session) throws Exception;
    }
}
