package org.patchgate.content.download;

import java.net.URI;
import org.patchgate.content.ContentException;
import org.patchgate.content.FailureReason;

/** A redirect the downloader will not follow. */
public final class RedirectException extends ContentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the redirect. */
    public enum Kind {
        /** The Location leads back to a URL already visited. */
        LOOP,
        /** More redirects than the policy allows. */
        TOO_MANY,
        /** From https to http, or to a scheme other than http/https. */
        SCHEME,
        /** A redirect status without a usable Location header. */
        BAD_LOCATION
    }

    private final Kind kind;
    private final URI from;
    private final String location;

    public RedirectException(Kind kind, URI from, String location, String detail) {
        super("refused redirect from " + from + " to " + location + ": " + detail);
        this.kind = kind;
        this.from = from;
        this.location = location;
    }

    public Kind kind() {
        return kind;
    }

    public URI from() {
        return from;
    }

    /** The Location header as the server sent it, or {@code null}. */
    public String location() {
        return location;
    }

    @Override
    public FailureReason reason() {
        return FailureReason.REDIRECT;
    }
}
