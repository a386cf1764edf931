package org.patchgate.catalog.format.cab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** Random access to the bytes of one cabinet, from a file channel or from memory. */
interface CabinetSource {

    long size() throws IOException;

    /** Reads exactly {@code length} bytes at {@code position}; fails clearly if the cabinet ends first. */
    void readFully(long position, byte[] target, int offset, int length) throws IOException;

    static CabinetSource of(byte[] bytes) {
        return new CabinetSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void readFully(long position, byte[] target, int offset, int length) throws IOException {
                if (position < 0 || position + length > bytes.length) {
                    throw truncated(position, length);
                }
                System.arraycopy(bytes, (int) position, target, offset, length);
            }
        };
    }

    static CabinetSource of(SeekableByteChannel channel) {
        return new CabinetSource() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void readFully(long position, byte[] target, int offset, int length) throws IOException {
                if (position < 0 || position + length > channel.size()) {
                    throw truncated(position, length);
                }
                ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
                channel.position(position);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw truncated(position, length);
                    }
                }
            }
        };
    }

    private static CabinetFormatException truncated(long position, int length) {
        return new CabinetFormatException("cabinet is truncated: " + length + " bytes needed at offset "
                + position + " are missing");
    }
}
