package org.patchgate.catalog.format.cab;

/** Counts the uncompressed bytes one cabinet read has produced, and stops it at the limit. */
final class ByteBudget {

    private final long limit;
    private long spent;

    ByteBudget(long limit) {
        this.limit = limit;
    }

    void spend(long bytes) throws CabinetFormatException {
        spent += bytes;
        if (spent > limit) {
            throw new CabinetFormatException("cabinet decompresses to more than " + limit
                    + " bytes; refused as a possible decompression bomb");
        }
    }
}
