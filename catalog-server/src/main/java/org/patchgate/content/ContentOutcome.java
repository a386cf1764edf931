package org.patchgate.content;

import java.time.Instant;
import java.util.Objects;
import org.patchgate.catalog.model.Sha256;

/**
 * How fetching one installer's content ended: {@link ContentState#VERIFIED} with its address and size,
 * or {@link ContentState#FAILED} with the reason.
 *
 * @param state VERIFIED or FAILED
 * @param sha256 the stored object's address if verified, else {@code null}
 * @param size its size in bytes if verified, else -1
 * @param origin where it came from if verified, else {@code null}
 * @param failure why it failed if failed, else {@code null}
 * @param decidedAt when the outcome was reached, from the fetcher's clock
 */
public record ContentOutcome(
        ContentState state, Sha256 sha256, long size, ContentOrigin origin, ContentFailure failure, Instant decidedAt) {

    public ContentOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(decidedAt, "decidedAt");
        switch (state) {
            case VERIFIED -> {
                Objects.requireNonNull(sha256, "a verified outcome needs its sha256");
                Objects.requireNonNull(origin, "a verified outcome needs its origin");
                if (size < 0 || failure != null) {
                    throw new IllegalArgumentException("a verified outcome has a size and no failure");
                }
            }
            case FAILED -> {
                Objects.requireNonNull(failure, "a failed outcome needs its failure");
                if (sha256 != null || origin != null || size != -1) {
                    throw new IllegalArgumentException("a failed outcome has no content");
                }
            }
            default -> throw new IllegalArgumentException("an outcome is VERIFIED or FAILED, not " + state);
        }
    }

    public static ContentOutcome verified(StoredContent content, ContentOrigin origin, Instant at) {
        return new ContentOutcome(ContentState.VERIFIED, content.sha256(), content.size(), origin, null, at);
    }

    public static ContentOutcome failed(ContentFailure failure, Instant at) {
        return new ContentOutcome(ContentState.FAILED, null, -1, null, failure, at);
    }
}
