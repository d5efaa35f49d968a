package dev.kustospark.local.mgmt;

import dev.kustospark.local.KustoException;

/**
 * Moves the {@code [line:position=L:C]} of an error in KQL that follows a command so that it points
 * into the whole command text, as the service reports it.
 */
final class ErrorPositions {
    private ErrorPositions() {}

    /**
     * @param text        the whole command text
     * @param queryStart  offset in {@code text} where the compiled query text begins
     * @param prefixChars characters put before it for compiling ({@code "$command_results "})
     */
    static KustoException shift(KustoException e, String text, int queryStart, int prefixChars) {
        if (e.line() == 0) {
            return e;
        }
        int line = e.line();
        int column = e.column();
        int startLine = 1;
        int startColumn = 1;
        for (int i = 0; i < queryStart && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                startLine++;
                startColumn = 1;
            } else {
                startColumn++;
            }
        }
        int newLine;
        int newColumn;
        if (line == 1) {
            newLine = startLine;
            newColumn = startColumn + Math.max(0, column - 1 - prefixChars);
        } else {
            newLine = startLine + line - 1;
            newColumn = column;
        }
        return e.at(newLine, newColumn);
    }
}
