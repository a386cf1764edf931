package org.patchgate.content;

import java.util.Objects;
import org.patchgate.catalog.model.Sha256;

/**
 * An object in a {@link ContentStore}.
 *
 * @param sha256 its address, the SHA-256 of its bytes
 * @param size its length in bytes
 */
public record StoredContent(Sha256 sha256, long size) {

    public StoredContent {
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }
}
