package org.patchgate.catalog.format.cab;

/**
 * Bounds on what one cabinet may make the reader do, so that a hostile cabinet (a "bomb" declaring
 * gigabytes, or thousands of files) fails early instead of exhausting memory or time.
 *
 * @param maxFiles most files a cabinet may list
 * @param maxTotalBytes most uncompressed bytes the reader will produce for one cabinet, counting
 *     both the sizes the files declare and every byte actually decompressed
 */
public record CabinetLimits(int maxFiles, long maxTotalBytes) {

    /** HP's whole V2 catalog is 1,829 files and under 100 MiB unpacked; these leave ample room. */
    public static final CabinetLimits DEFAULT = new CabinetLimits(10_000, 512L * 1024 * 1024);

    public CabinetLimits {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("maxFiles must be positive");
        }
        if (maxTotalBytes < 1) {
            throw new IllegalArgumentException("maxTotalBytes must be positive");
        }
    }
}
