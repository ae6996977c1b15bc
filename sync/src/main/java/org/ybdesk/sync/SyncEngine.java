package org.ybdesk.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;

/**
 * The desk's background sync: on its own thread (never the Swing event thread), every {@code interval} and on
 * demand, it checks the server's health, uploads the outbox and pulls reference data and registry deltas. After a
 * round without an answer it waits with exponential backoff (doubling from {@code base}, capped, with jitter) instead
 * of the interval. The database writer lock is held only inside the store's short transactions, never across HTTP.
 * Listeners get a {@link SyncStatus} after every round and on {@link #poke()}, on the sync thread: a UI hands it to
 * its own thread. The sandbox has no route to the province: an engine for a sandbox desk cannot be made.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final SyncStore store;
    private final Optional<SyncConfig> config;
    private final ProvinceClient client;
    private final Uploader uploader;
    private final Puller puller;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final ScheduledExecutorService exec;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean online;
    private volatile boolean running;
    private volatile int failures;
    private volatile SyncStatus last;
    private ScheduledFuture<?> next;
    private boolean started;

    /** An engine for {@code desk} with the configuration of {@code dataDir} (absent: the desk stays offline). */
    public static SyncEngine forDesk(Desk desk, Path dataDir) {
        return new SyncEngine(desk, SyncConfig.load(dataDir), Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    public SyncEngine(Desk desk, Optional<SyncConfig> config, Duration backoffBase, Duration backoffCap) {
        if (desk.mode() != Mode.PRODUCTION) {
            throw new ServiceException(Texts.get("engine.sandbox"));
        }
        this.store = new SyncStore(desk);
        this.config = config;
        this.client = config.map(ProvinceClient::new).orElse(null);
        this.uploader = client == null ? null : new Uploader(store, client);
        this.puller = client == null ? null : new Puller(store, client);
        if (uploader != null) {
            uploader.setAfterBatch(this::publish);
        }
        this.backoffBase = backoffBase;
        this.backoffCap = backoffCap;
        this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ybdesk-sync");
            t.setDaemon(true);
            return t;
        });
    }

    public SyncStore store() {
        return store;
    }

    public Optional<SyncConfig> config() {
        return config;
    }

    /** The uploader (fault tests set its after-response hook); null when unconfigured. */
    public Uploader uploader() {
        return uploader;
    }

    public void addListener(Consumer<SyncStatus> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<SyncStatus> l) {
        listeners.remove(l);
    }

    /** Starts the periodic rounds (the first one at once). Unconfigured: only the status is published. */
    public synchronized SyncEngine start() {
        if (started) {
            return this;
        }
        started = true;
        if (config.isPresent()) {
            schedule(Duration.ZERO);
        } else {
            poke();
        }
        return this;
    }

    /** A round now (after the one running, if any); the future completes with its report. */
    public CompletableFuture<SyncReport> syncNow() {
        CompletableFuture<SyncReport> f = new CompletableFuture<>();
        exec.execute(() -> {
            try {
                f.complete(round());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Recomputes the status (e.g. after the clerk queued a change) and tells the listeners; off the caller's thread. */
    public void poke() {
        exec.execute(this::publish);
    }

    /** The last published status (computed now when none was). */
    public SyncStatus status() {
        SyncStatus s = last;
        return s != null ? s : compute();
    }

    public boolean online() {
        return online;
    }

    private synchronized void schedule(Duration delay) {
        if (next != null) {
            next.cancel(false);
        }
        if (!exec.isShutdown()) {
            next = exec.schedule(this::periodic, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void periodic() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.error("sync round failed", e);
        }
    }

    /** One round on the engine's thread: health, upload, pulls; then the next round is scheduled. */
    private SyncReport round() {
        if (config.isEmpty()) {
            publish();
            return new SyncReport(false, null, null, Texts.get("config.missing"));
        }
        running = true;
        publish();
        SyncReport report;
        try {
            report = roundOnce();
        } catch (RuntimeException e) {
            LOG.error("sync round failed", e);
            report = new SyncReport(true, null, null, String.valueOf(e.getMessage()));
            failures++;
        } finally {
            running = false;
        }
        if (report.error() == null) {
            failures = 0;
        }
        publish();
        if (started) {
            schedule(report.error() == null ? Duration.ofSeconds(config.get().intervalSeconds()) : backoff(failures));
        }
        return report;
    }

    private SyncReport roundOnce() {
        if (!client.healthy()) {
            online = false;
            failures++;
            String err = Texts.get("error.refused", config.get().base());
            store.recordFailure(List.of(), err);
            return new SyncReport(true, null, null, err);
        }
        online = true;
        Uploader.Report up = uploader.run();
        if (!up.complete()) {
            online = !up.unauthorized() && online;
            failures++;
            return new SyncReport(true, up, null, up.error());
        }
        Puller.Report pull;
        try {
            pull = puller.run();
        } catch (Unanswered e) {
            failures++;
            store.recordFailure(List.of(), e.getMessage());
            return new SyncReport(true, up, null, e.getMessage());
        } catch (ServiceException e) {
            failures++;
            String err = String.join("；", e.problems());
            store.recordFailure(List.of(), err);
            return new SyncReport(true, up, null, err);
        }
        store.recordSuccess();
        return new SyncReport(true, up, pull, null);
    }

    /** Exponential backoff: base × 2^(failures−1), capped, times a jitter in [0.5, 1). */
    Duration backoff(int failures) {
        long base = backoffBase.toMillis();
        long cap = backoffCap.toMillis();
        long exp = base << Math.min(Math.max(failures - 1, 0), 20);
        long capped = Math.min(cap, exp);
        return Duration.ofMillis((long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5)));
    }

    private SyncStatus compute() {
        SyncStore.Counts c = store.counts();
        SyncStore.State s = store.state();
        return new SyncStatus(config.isPresent(), online, running, c.pending(), c.failing(), c.refused(), c.acked(),
                c.openTasks(), s.lastSuccessAt(), s.lastAttemptAt(),
                config.isEmpty() ? Texts.get("config.missing") : s.lastError());
    }

    private void publish() {
        try {
            SyncStatus s = compute();
            last = s;
            for (Consumer<SyncStatus> l : listeners) {
                try {
                    l.accept(s);
                } catch (RuntimeException e) {
                    LOG.warn("sync listener failed", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("sync status unavailable", e);
        }
    }

    /** Stops the rounds; a round under way finishes its current request (bounded by the timeout). */
    @Override
    public void close() {
        exec.shutdownNow();
        try {
            exec.awaitTermination(config.map(c -> c.timeoutSeconds() + 5).orElse(5), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
