package dev.kustospark.local;

/**
 * An error kusto-local reports to a client in the service's error shape, and the one factory of
 * every such error: each kind has a static method here that picks its HTTP status, codes, .NET
 * exception types, permanence and message format, so no call site formats an error by hand.
 *
 * <p>The shape (the Kusto documentation page "Query V2 HTTP response"):
 * {@code {"error":{"code","message","@type","@message","@context","@permanent","innererror":{"code",
 * "message","@type","@message","@context","@permanent","@errorCode","@errorMessage"}}}}. The outer
 * object is the general error ({@code General_BadRequest}, {@code KustoBadRequestException}); the
 * inner one the specific error behind it ({@code SEM0100}, {@code SemanticException}).
 * {@link #getMessage()} is {@code @message}, the detailed text that the SDKs show; {@link #code()}
 * and {@link #summary()} are the outer code and message.
 */
public class KustoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final String BAD_REQUEST = "General_BadRequest";
    private static final String INVALID = "Request is invalid and cannot be executed.";
    private static final String BAD_REQUEST_TYPE = "Kusto.Data.Exceptions.KustoBadRequestException";
    private static final String INTERNAL = "Internal service error";

    /** The specific error behind the outer one: its code and .NET exception type. */
    public record Inner(String code, String type) {}

    private final int httpStatus;
    private final String code;
    private final String summary;
    private final String type;
    private final boolean permanent;
    private final Inner inner;
    /** What {@code @message} says before the detail: {@code "Semantic error: SEM0100: "}, or nothing. */
    private final String prefix;
    private final String detail;
    /** 1-based position in the request text; 0 when the error has none. */
    private final int line;
    private final int column;

    private KustoException(int httpStatus, String code, String summary, String type, boolean permanent, Inner inner,
            String prefix, String detail, int line, int column, Throwable cause) {
        super(prefix + detail + position(line, column), cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.summary = summary;
        this.type = type;
        this.permanent = permanent;
        this.inner = inner;
        this.prefix = prefix;
        this.detail = detail;
        this.line = line;
        this.column = column;
    }

    private static KustoException of(int httpStatus, String code, String summary, String type, boolean permanent,
            String detail, Throwable cause) {
        return new KustoException(httpStatus, code, summary, type, permanent, new Inner(code, type), "", detail, 0, 0,
                cause);
    }

    private static String position(int line, int column) {
        return line > 0 ? " [line:position=" + line + ":" + column + "]" : "";
    }

    // ---- 400: the request is invalid

    /** 400: the request (query or command) is invalid; {@code detail} says what. */
    public static KustoException badRequest(String detail) {
        return of(400, BAD_REQUEST, INVALID, BAD_REQUEST_TYPE, true, detail, null);
    }

    /** 400 for a KQL or command syntax error at a 1-based line and column. */
    public static KustoException syntaxError(String detail, int line, int column) {
        String syntax = "Kusto.Data.Exceptions.SyntaxException";
        return new KustoException(400, "BadRequest_SyntaxError", INVALID, syntax, true, new Inner("SYN0002", syntax),
                "Syntax error: SYN0002: ", detail, line, column, null);
    }

    /** 400 for a semantic error (unknown name, wrong type...) with the service's code, {@code SEM0100}... */
    public static KustoException semanticError(String code, String detail) {
        return semanticError(code, detail, 0, 0);
    }

    /** {@link #semanticError(String, String)} at a 1-based line and column of the query. */
    public static KustoException semanticError(String code, String detail, int line, int column) {
        return new KustoException(400, BAD_REQUEST, INVALID, BAD_REQUEST_TYPE, true,
                new Inner(code, "Kusto.Data.Exceptions.SemanticException"), "Semantic error: " + code + ": ", detail,
                line, column, null);
    }

    /** 400: a KQL construct outside what kusto-local implements; never answered wrongly. */
    public static KustoException unsupported(String construct, int line, int column) {
        return new KustoException(400, BAD_REQUEST, INVALID, BAD_REQUEST_TYPE, true,
                new Inner(BAD_REQUEST, BAD_REQUEST_TYPE), "", "kusto-local does not support " + construct, line,
                column, null);
    }

    /** 400, as the service answers for unknown entities; a database's @type is DatabaseNotFoundException. */
    public static KustoException entityNotFound(String kind, String name) {
        String notFound = kind.equals("Database") ? "Kusto.Data.Exceptions.DatabaseNotFoundException"
                : "Kusto.Data.Exceptions.EntityNotFoundException";
        return of(400, "BadRequest_EntityNotFound", INVALID, notFound, true, kind + " '" + name + "' was not found.",
                null);
    }

    public static KustoException entityExists(String kind, String name) {
        return of(400, "BadRequest_EntityAlreadyExists", INVALID, "Kusto.Data.Exceptions.EntityAlreadyExistsException",
                true, kind + " '" + name + "' already exists.", null);
    }

    /**
     * A query outgrew a result limit: a partial query failure, reported after the rows that fit; not
     * permanent, as the service marks it.
     */
    public static KustoException limitsExceeded(String detail) {
        return of(400, "LimitsExceeded", INVALID,
                "Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException", false,
                "Query execution has exceeded the allowed limits (80DA0003): " + detail + ".", null);
    }

    /** 400: the engine refused the translated query; {@code cause} is kept for the log only. */
    public static KustoException executionFailed(String detail, Throwable cause) {
        return of(400, BAD_REQUEST, INVALID, BAD_REQUEST_TYPE, true, "Query execution failed: " + detail, cause);
    }

    /** 400, or 403 when storage refused the credentials: an export could not write its files. */
    public static KustoException storageError(int storageStatus, String detail) {
        return of(storageStatus == 403 ? 403 : 400, "BadRequest_StorageError", INVALID, BAD_REQUEST_TYPE, true, detail,
                null);
    }

    /**
     * 400, permanent: a command that needs Azure Storage (queued ingestion, export, temporary storage)
     * on a kusto-local that runs without it; says how to turn storage on, so that clients fail at once.
     */
    public static KustoException storageOff(String command) {
        return of(400, BAD_REQUEST, INVALID, BAD_REQUEST_TYPE, true, "kusto-local runs without storage, so it cannot"
                + " serve '" + command + "' (queued ingestion and export need Azure Storage). To turn storage on,"
                + " start kusto-local without --no-storage, with Azurite installed by scripts/azurite-env.sh, or"
                + " with --azurite-url URL (in Java: KustoLocal.builder().withAzurite()).", null);
    }

    // ---- other statuses

    public static KustoException unauthorized(String detail) {
        return of(401, "Unauthorized", "Unauthorized", "Kusto.Data.Exceptions.UnauthorizedOperationException", true,
                detail, null);
    }

    public static KustoException notFound(String detail) {
        return of(404, "NotFound", "The requested endpoint was not found.",
                "Kusto.Data.Exceptions.KustoRequestException", true, detail, null);
    }

    public static KustoException methodNotAllowed(String detail) {
        return of(405, "BadRequest_MethodNotAllowed", "Method not allowed", BAD_REQUEST_TYPE, true, detail, null);
    }

    /** 504, transient: the server timeout passed. */
    public static KustoException timeout(String detail) {
        return of(504, "RequestExecutionTimeout", "Request execution timeout",
                "Kusto.Data.Exceptions.KustoServiceTimeoutException", false, detail, null);
    }

    /** 500-class failure inside kusto-local (bug or storage failure): transient for the SDK's retries. */
    public static KustoException internal(String detail, Throwable cause) {
        return of(500, INTERNAL, INTERNAL, "Kusto.DataNode.Exceptions.KustoInternalException", false, detail, cause);
    }

    /** 500, transient: a command was aborted (by fault injection in tests), as the service aborts one. */
    public static KustoException aborted(String detail) {
        return of(500, INTERNAL, "Request aborted due to an internal service error.",
                "Kusto.Data.Exceptions.KustoServiceException", false, detail, null);
    }

    // ----

    /** The same error at another position: an error in KQL that follows a command points into the command's text. */
    public KustoException at(int newLine, int newColumn) {
        return new KustoException(httpStatus, code, summary, type, permanent, inner, prefix, detail, newLine, newColumn,
                this);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String summary() {
        return summary;
    }

    public String type() {
        return type;
    }

    public boolean permanent() {
        return permanent;
    }

    public Inner inner() {
        return inner;
    }

    /** The specific error's own message ({@code @errorMessage}): the detail and position, without the prefix. */
    public String innerMessage() {
        return detail + position(line, column);
    }

    /** 1-based line of the position in the request text, 0 when the error has none. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
