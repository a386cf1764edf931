package org.patchgate.content.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class KeyedLocksTest {

    private final KeyedLocks locks = new KeyedLocks();

    @Test
    void lock_sameKey_secondHolderWaitsForTheFirst() throws Exception {
        CountDownLatch secondHasIt = new CountDownLatch(1);
        Thread second;
        try (KeyedLocks.Held first = locks.lock("sha256:aa")) {
            second = new Thread(() -> {
                try (KeyedLocks.Held held = locks.lock("sha256:aa")) {
                    secondHasIt.countDown();
                }
            });
            second.start();
            while (second.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertEquals(1, secondHasIt.getCount(), "the second holder is still waiting");
        }
        second.join();
        assertEquals(0, secondHasIt.getCount());
    }

    @Test
    void lock_otherKey_doesNotWait() throws Exception {
        try (KeyedLocks.Held first = locks.lock("sha256:aa")) {
            CompletableFuture.runAsync(() -> locks.lock("sha256:bb").close()).get();
            assertEquals(1, locks.size());
        }
    }

    @Test
    void close_lastHolder_forgetsTheKey() {
        locks.lock("sha256:aa").close();
        try (KeyedLocks.Held a = locks.lock("sha256:aa"); KeyedLocks.Held b = locks.lock("sha256:bb")) {
            assertEquals(2, locks.size());
        }
        assertEquals(0, locks.size());
    }
}
