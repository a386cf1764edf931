package org.patchgate.server.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where every exception leaving a REST resource becomes an
 * {@code application/problem+json} response. Unexpected errors are logged with an id that the
 * response repeats, and never leak stack traces or internal messages to the caller.
 */
@ApplicationScoped
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable error) {
        Response response = toProblem(error, uriInfo == null ? null : "/" + uriInfo.getPath()).toResponse();
        if (unwrap(error) instanceof ProblemException p && !p.headers().isEmpty()) {
            Response.ResponseBuilder builder = Response.fromResponse(response);
            p.headers().forEach(builder::header);
            return builder.build();
        }
        return response;
    }

    Problem toProblem(Throwable error, String instance) {
        Throwable e = unwrap(error);
        if (e instanceof ProblemException p) {
            return new Problem(Problem.TYPE_BASE + p.type(), p.status().getReasonPhrase(), p.status().getStatusCode(),
                    p.getMessage(), instance, p.fieldErrors().isEmpty() ? null : p.fieldErrors());
        }
        if (e instanceof ConstraintViolationException v) {
            List<Problem.FieldError> fields = v.getConstraintViolations().stream()
                    .map(ProblemMapper::fieldError)
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return new Problem(Problem.TYPE_BASE + "invalid-input", "Bad Request", 400,
                    "the request has " + fields.size() + " invalid value(s)", instance, fields);
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            return new Problem(Problem.TYPE_BASE + "malformed-body", "Bad Request", 400,
                    "the request body is not valid JSON for this operation", instance, null);
        }
        if (e instanceof WebApplicationException w) {
            Response.StatusType status = w.getResponse().getStatusInfo();
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                    webDetail(status.getStatusCode()), instance, null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error on " + instance + " (incident " + incident + ")", error);
        return new Problem(Problem.TYPE_BASE + "internal-error", "Internal Server Error", 500,
                "an unexpected error occurred; the server log has the details under incident " + incident,
                instance, null);
    }

    /** JSON-B wraps parse errors, and EJB and CDI wrap what beans throw: find the error that says what happened. */
    private static Throwable unwrap(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProblemException || t instanceof ConstraintViolationException || t instanceof JsonbException) {
                return t;
            }
        }
        Throwable e = error;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.arg0.password" → "password": callers know fields, not Java method names.
        int dot = path.lastIndexOf('.');
        return new Problem.FieldError(dot >= 0 ? path.substring(dot + 1) : path, violation.getMessage());
    }

    private static String webDetail(int status) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 406 -> "the requested media type cannot be produced";
            case 415 -> "the request body's media type is not supported; send application/json";
            case 400 -> "the request is not valid";
            default -> "the request could not be processed";
        };
    }
}
