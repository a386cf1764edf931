package org.patchgate.catalog.format.cab;

/**
 * The CFDATA checksum of MS-CAB §2.6 ("Checksum Method"): the XOR of the data taken as
 * little-endian 32-bit words, the 1 to 3 trailing bytes folded into one word high byte first, then
 * continued over the block's {@code cbData}, {@code cbUncomp} and reserved bytes.
 */
final class CabinetChecksum {

    private CabinetChecksum() {
    }

    static int compute(byte[] data, int offset, int length, int seed) {
        int sum = seed;
        int i = offset;
        int words = length >>> 2;
        for (int w = 0; w < words; w++, i += 4) {
            sum ^= (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
        }
        int tail = 0;
        switch (length & 3) {
            case 3 -> tail = (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF);
            case 2 -> tail = (data[i] & 0xFF) << 8 | (data[i + 1] & 0xFF);
            case 1 -> tail = data[i] & 0xFF;
            default -> tail = 0;
        }
        return sum ^ tail;
    }
}
