package dev.kustospark.local.mgmt;

import dev.kustospark.local.engine.RowsResult;

/**
 * Commands served outside this package (the data-management side: ingestion resources, export),
 * tried after the command's first word is read and before the built-in commands.
 */
public interface CommandExtension {
    /**
     * Runs the command if it is one of this extension's, leaving the cursor after it (text that
     * follows, {@code | ...}, is then KQL over the result as for any command).
     *
     * @param verb the command's first word ({@code show}, {@code get}, {@code export}...), lower case
     * @return the result, or null (with nothing consumed) when the command is not this extension's
     */
    RowsResult tryExecute(String verb, ExtensionInvocation invocation);
}
