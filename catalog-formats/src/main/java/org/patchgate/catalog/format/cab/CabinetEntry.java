package org.patchgate.catalog.format.cab;

/**
 * One file of a cabinet as its CFFILE record describes it.
 *
 * @param name the stored name, with {@code \} as the cabinet's separator, already checked to be a
 *     plain relative name (no {@code ..}, no absolute path, no drive letter)
 * @param size uncompressed size in bytes
 */
public record CabinetEntry(String name, long size) {
}
