package org.patchgate.server.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error the API returns.
 *
 * @param type URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong in this case, in words an admin can act on
 * @param instance the request path
 * @param errors field-level errors for invalid input, or {@code null}
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Base of Patchgate's problem type URIs; documented in docs/api.md. */
    public static final String TYPE_BASE = "https://patchgate.org/problems/";

    /** One invalid field of a request body or parameter. */
    public record FieldError(String field, String message) {
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
