package org.patchgate.catalog.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out ids for vendor, product, catalog_update and installer rows from {@code catalog_seq}
 * without a round trip per row. The sequence steps by {@value #BLOCK} (V2__catalog.sql), so each
 * value {@code v} it returns owns the block {@code v … v+49}: no other caller of {@code nextval}
 * (a {@code DEFAULT nextval('catalog_seq')} insert takes {@code v} itself) can get an id inside
 * it. This is Hibernate's "pooled-lo" reading of a sequence; JPA entities that share the sequence
 * must use that optimizer too ({@code hibernate.id.optimizer.pooled.preferred=pooled-lo}), not
 * the default "pooled" (which reads {@code v} as the top of a block and would overlap).
 */
final class IdAllocator {

    /** INCREMENT BY of catalog_seq. */
    static final int BLOCK = 50;
    /** Sequence values fetched per round trip: 20 blocks, 1,000 ids. */
    private static final int BLOCKS_PER_FETCH = 20;

    private final PreparedStatement fetch;
    private final long[] starts = new long[BLOCKS_PER_FETCH];
    private int nextBlock = BLOCKS_PER_FETCH;
    private long next;
    private long end;

    IdAllocator(Connection connection) throws SQLException {
        fetch = connection.prepareStatement("SELECT nextval('catalog_seq') FROM generate_series(1, " + BLOCKS_PER_FETCH + ")");
    }

    long next() throws SQLException {
        if (next == end) {
            if (nextBlock == BLOCKS_PER_FETCH) {
                refill();
            }
            next = starts[nextBlock++];
            end = next + BLOCK;
        }
        return next++;
    }

    private void refill() throws SQLException {
        try (ResultSet rs = fetch.executeQuery()) {
            int i = 0;
            while (rs.next()) {
                starts[i++] = rs.getLong(1);
            }
            if (i != BLOCKS_PER_FETCH) {
                throw new SQLException("catalog_seq returned " + i + " values, expected " + BLOCKS_PER_FETCH);
            }
        }
        nextBlock = 0;
    }
}
