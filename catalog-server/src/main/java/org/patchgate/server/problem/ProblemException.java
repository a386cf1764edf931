package org.patchgate.server.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An error a capability raises on purpose, with the HTTP status and problem type it maps to.
 * Subclass it for each kind of error (see STYLE.md: errors are types).
 */
public class ProblemException extends RuntimeException {

    private final Response.StatusType status;
    private final String type;
    private final List<Problem.FieldError> fieldErrors;

    public ProblemException(Response.StatusType status, String type, String detail) {
        this(status, type, detail, List.of());
    }

    public ProblemException(Response.StatusType status, String type, String detail, List<Problem.FieldError> fieldErrors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public Response.StatusType status() {
        return status;
    }

    /** Short name of the problem kind, appended to {@link Problem#TYPE_BASE}. */
    public String type() {
        return type;
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Response headers this problem adds (e.g. {@code Retry-After}); none by default. */
    public Map<String, String> headers() {
        return Map.of();
    }

    /** 400: the request is well-formed JSON but a value is not acceptable. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Response.Status.BAD_REQUEST, "invalid-input", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 404: the thing named in the path does not exist. */
    public static ProblemException notFound(String what) {
        return new ProblemException(Response.Status.NOT_FOUND, "not-found", what + " does not exist");
    }

    /** 409: the request conflicts with what is stored. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, "conflict", detail);
    }
}
