package dev.kustospark.local;

/**
 * An error kusto-local reports to a client in the service's error shape
 * ({@code {"error":{"code","message","@type","@message","@context","@permanent"}}}).
 *
 * <p>{@link #getMessage()} is the detailed text that the SDKs show ({@code @message});
 * {@link #code()} and {@link #summary()} are the service's short code and message.
 */
public class KustoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;
    private final String summary;
    private final String type;
    private final boolean permanent;

    public KustoException(int httpStatus, String code, String summary, String type, String detail, boolean permanent) {
        this(httpStatus, code, summary, type, detail, permanent, null);
    }

    public KustoException(int httpStatus, String code, String summary, String type, String detail, boolean permanent,
            Throwable cause) {
        super(detail, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.summary = summary;
        this.type = type;
        this.permanent = permanent;
    }

    /** 400: the request (query or command) is invalid; {@code detail} says what and where. */
    public static KustoException badRequest(String detail) {
        return new KustoException(400, "General_BadRequest", "Request is invalid and cannot be executed.",
                "Kusto.Data.Exceptions.KustoBadRequestException", detail, true);
    }

    /** 400 for a KQL syntax error at a 1-based line and column. */
    public static KustoException syntaxError(String detail, int line, int column) {
        return badRequest("Syntax error: SYN0002: " + detail + " [line:position=" + line + ":" + column + "]");
    }

    /** 400 for a semantic error (unknown name, wrong type...). */
    public static KustoException semanticError(String code, String detail) {
        return badRequest("Semantic error: " + code + ": " + detail);
    }

    /** 400: a KQL construct outside what kusto-local implements; never answered wrongly. */
    public static KustoException unsupported(String construct, int line, int column) {
        return badRequest("kusto-local does not support " + construct + " [line:position=" + line + ":" + column + "]");
    }

    /** 400 (the service answers 400 for unknown entities, with a semantic error code). */
    public static KustoException entityNotFound(String kind, String name) {
        return new KustoException(400, "BadRequest_EntityNotFound", "Request is invalid and cannot be executed.",
                "Kusto.Data.Exceptions.EntityNotFoundException",
                kind + " '" + name + "' was not found.", true);
    }

    public static KustoException entityExists(String kind, String name) {
        return new KustoException(400, "BadRequest_EntityAlreadyExists", "Request is invalid and cannot be executed.",
                "Kusto.Data.Exceptions.EntityAlreadyExistsException",
                kind + " '" + name + "' already exists.", true);
    }

    public static KustoException unauthorized(String detail) {
        return new KustoException(401, "Unauthorized", "Unauthorized",
                "Kusto.Data.Exceptions.UnauthorizedOperationException", detail, true);
    }

    public static KustoException notFound(String detail) {
        return new KustoException(404, "NotFound", "The requested endpoint was not found.",
                "Kusto.Data.Exceptions.KustoRequestException", detail, true);
    }

    /** 500-class failure inside kusto-local (bug or storage failure): transient for the SDK's retries. */
    public static KustoException internal(String detail, Throwable cause) {
        return new KustoException(500, "Internal service error", "Internal service error",
                "Kusto.DataNode.Exceptions.KustoInternalException", detail, false, cause);
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
}
