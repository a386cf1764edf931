package org.patchgate.content.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.patchgate.catalog.model.Sha256;
import org.patchgate.content.PartialContent;
import org.patchgate.content.StoredContent;

/** A staging slot of a {@link FileContentStore}: {@code partial/<key>.part}. */
final class FilePartialContent implements PartialContent {

    private final FileContentStore store;
    private final String key;
    private final Path file;
    private boolean closed;

    FilePartialContent(FileContentStore store, String key, Path file) {
        this.store = store;
        this.key = key;
        this.file = file;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long length() throws IOException {
        ensureOpen();
        return Files.exists(file) ? Files.size(file) : 0;
    }

    @Override
    public InputStream openRead() throws IOException {
        ensureOpen();
        return Files.exists(file) ? Files.newInputStream(file) : InputStream.nullInputStream();
    }

    @Override
    public OutputStream openAppend() throws IOException {
        ensureOpen();
        return new SyncingOutputStream(FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    @Override
    public void truncate() throws IOException {
        ensureOpen();
        Files.deleteIfExists(file);
    }

    @Override
    public void discard() throws IOException {
        ensureOpen();
        Files.deleteIfExists(file);
    }

    @Override
    public StoredContent commit(Sha256 address) throws IOException {
        ensureOpen();
        return store.commitStaged(file, address);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            store.releaseSlot(key);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("staging slot " + key + " is closed");
        }
    }
}
