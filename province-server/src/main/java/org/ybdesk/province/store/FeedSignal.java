package org.ybdesk.province.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells waiting feed requests (long polls) that entries were committed. In one server process this in-process
 * signal is enough; several server nodes would relay it with PostgreSQL {@code LISTEN/NOTIFY} (docs/province-server.md,
 * "How it grows"). A waiter takes {@link #next()} before it reads the feed, so an entry committed between its read
 * and its wait still wakes it.
 */
public final class FeedSignal {
    private final AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>(new CompletableFuture<>());

    /** Completes at the next {@link #fire()}. */
    public CompletableFuture<Void> next() {
        return next.get();
    }

    /** Entries were committed: wakes every waiter. */
    public void fire() {
        next.getAndSet(new CompletableFuture<>()).complete(null);
    }
}
