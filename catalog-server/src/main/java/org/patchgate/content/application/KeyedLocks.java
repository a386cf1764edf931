package org.patchgate.content.application;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per key, held only while someone uses it, so the map does not grow with every key ever
 * seen. The fetcher locks per expected digest: two installers of one catalog that name the same
 * content (an x86 and an x64 entry sharing one binary, the same installer in two updates) then
 * download it once, one after the other, instead of colliding on the store's staging slot.
 */
final class KeyedLocks {

    private final Map<String, Entry> entries = new HashMap<>();

    /** Blocks until {@code key} is free and takes it; close the result to give it back. */
    Held lock(String key) {
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(key, k -> new Entry());
            entry.users++;
        }
        entry.lock.lock();
        return () -> release(key, entry);
    }

    private void release(String key, Entry entry) {
        entry.lock.unlock();
        synchronized (entries) {
            if (--entry.users == 0) {
                entries.remove(key);
            }
        }
    }

    /** How many keys are in use or awaited; for tests. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** A taken key. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }
}
