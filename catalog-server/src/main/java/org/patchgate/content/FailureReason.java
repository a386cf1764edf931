package org.patchgate.content;

/** Why content could not be made {@link ContentState#VERIFIED}, coarse enough for a console filter. */
public enum FailureReason {
    /** The catalog gives no hash, and Patchgate stores only content it can verify. */
    NO_HASH,
    /** The bytes did not hash to the catalog's value. */
    VERIFICATION_FAILED,
    /** The store's disk quota would be exceeded. */
    QUOTA_EXCEEDED,
    /** The file is larger than the configured download size cap. */
    TOO_LARGE,
    /** Connecting, waiting for data, or the whole download took too long. */
    TIMEOUT,
    /** A redirect loop, too many redirects, or a redirect to a refused scheme. */
    REDIRECT,
    /** The server answered with an HTTP status that is not a success. */
    HTTP_STATUS,
    /** The connection ended before the whole file arrived; the partial file is kept for resuming. */
    TRUNCATED,
    /** The URL is not http or https. */
    UNSUPPORTED_URL,
    /** Another fetch of the same content is running. */
    IN_PROGRESS,
    /** Any other network or disk error. */
    IO_ERROR
}
