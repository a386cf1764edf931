package org.patchgate.content;

import java.util.Objects;
import org.patchgate.catalog.model.Digest;

/** Bytes that do not hash to the value they must have; nothing of them is stored. */
public final class ContentVerificationException extends ContentException {

    private static final long serialVersionUID = 1L;

    private final transient Digest expected;
    private final transient Digest actual;

    public ContentVerificationException(Digest expected, Digest actual) {
        super("content does not verify: expected " + expected + " but the bytes hash to " + actual);
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    public Digest expected() {
        return expected;
    }

    public Digest actual() {
        return actual;
    }

    @Override
    public FailureReason reason() {
        return FailureReason.VERIFICATION_FAILED;
    }
}
