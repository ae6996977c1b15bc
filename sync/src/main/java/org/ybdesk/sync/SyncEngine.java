package org.ybdesk.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.ybdesk.protocol.org.CaseFeed;
import org.ybdesk.protocol.org.CountyCases;
import org.ybdesk.protocol.org.DeskInfo;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Holdings;
import org.ybdesk.service.VoucherService;
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
    /** While the province does not answer, its health is asked this often; the first answer starts a round (D125). */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    /** How long one feed request waits at the province for an entry (long polling, D125). */
    public static final int FEED_WAIT_SECONDS = 25;
    /** Feed entries asked for per request. */
    static final int FEED_PAGE = 200;
    /** County summaries asked for per page. */
    static final int COUNTY_PAGE = 500;

    private final SyncStore store;
    private final Optional<SyncConfig> config;
    private final ProvinceClient client;
    private final Uploader uploader;
    private final Puller puller;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final ScheduledExecutorService exec;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<String>>> caseListeners = new CopyOnWriteArrayList<>();
    private final Holdings holdings;
    private final VoucherService vouchers;
    private final ProvinceVouchers voucherResolver;
    private final Duration probeInterval;
    private final int feedWaitSeconds;
    private volatile Thread feedThread;
    private volatile boolean closed;
    private volatile DeskInfo deskInfo;
    private volatile long feedPausedUntil;
    private volatile long lastFeedMillis;
    private volatile boolean online;
    /** The province answers its health check (a desk with a revoked token is reachable but not online). */
    private volatile boolean reachable;
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
        this(desk, config, backoffBase, backoffCap, PROBE_INTERVAL, FEED_WAIT_SECONDS);
    }

    /**
     * An engine whose offline probe runs every {@code probeInterval} and whose feed requests wait up to
     * {@code feedWaitSeconds} at the province (long polling).
     */
    public SyncEngine(Desk desk, Optional<SyncConfig> config, Duration backoffBase, Duration backoffCap,
                      Duration probeInterval, int feedWaitSeconds) {
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
        this.holdings = desk.holdings();
        this.vouchers = desk.vouchers();
        this.voucherResolver = new ProvinceVouchers(config);
        this.probeInterval = probeInterval;
        this.feedWaitSeconds = feedWaitSeconds;
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

    /**
     * Called (on the feed thread) with the numbers of the cases the feed changed, after they were applied: the
     * window refreshes its lists and an open case screen. A UI hands them to its own thread.
     */
    public void addCaseListener(Consumer<Set<String>> l) {
        caseListeners.add(l);
    }

    public void removeCaseListener(Consumer<Set<String>> l) {
        caseListeners.remove(l);
    }

    /** Who the province knows this desk as (asked at start and at every round until it answered); empty before. */
    public Optional<DeskInfo> deskInfo() {
        return Optional.ofNullable(deskInfo);
    }

    /** The wall-clock time (ms) the feed last applied entries (0: never), for tests and the sync screen. */
    public long lastFeedMillis() {
        return lastFeedMillis;
    }

    /** Starts the periodic rounds (the first one at once). Unconfigured: only the status is published. */
    public synchronized SyncEngine start() {
        if (started) {
            return this;
        }
        started = true;
        if (config.isPresent()) {
            schedule(Duration.ZERO);
            Thread t = new Thread(this::feedLoop, "ybdesk-feed");
            t.setDaemon(true);
            feedThread = t;
            t.start();
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

    /**
     * Recomputes the status (e.g. after the clerk queued a change) and tells the listeners; off the caller's thread.
     * Online, a round follows half a second later (instead of at the next periodic one): a case the clerk just
     * forwarded reaches the province — and through the feed the receiving desks — within seconds (issue 12, item 5).
     */
    public void poke() {
        exec.execute(this::publish);
        if (started && online && config.isPresent() && !closed) {
            scheduleTask(this::periodic, PROMPT_ROUND);
        }
    }

    /** How soon after a local change an online desk uploads it. */
    static final Duration PROMPT_ROUND = Duration.ofMillis(500);

    /** The last published status (computed now when none was). */
    public SyncStatus status() {
        SyncStatus s = last;
        return s != null ? s : compute();
    }

    public boolean online() {
        return online;
    }

    private void schedule(Duration delay) {
        scheduleTask(this::periodic, delay);
    }

    private synchronized void scheduleTask(Runnable task, Duration delay) {
        if (next != null) {
            next.cancel(false);
        }
        if (!exec.isShutdown()) {
            next = exec.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void periodic() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.error("sync round failed", e);
        }
    }

    /**
     * Offline: asks the province's health (no database work) and starts a round at the first answer; else asks
     * again after {@link #probeInterval} (D125: back online → syncing within seconds, not after the backoff).
     */
    private void probe() {
        if (closed) {
            return;
        }
        if (client.healthy()) {
            LOG.info("province answers again: sync round now");
            online = true;
            reachable = true;
            periodic();
        } else {
            scheduleTask(this::probe, probeInterval);
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
        if (started && !closed) {
            if (report.error() == null) {
                schedule(Duration.ofSeconds(config.get().intervalSeconds()));
            } else if (!reachable) {
                scheduleTask(this::probe, probeInterval);
            } else {
                schedule(backoff(failures));
            }
        }
        return report;
    }

    private SyncReport roundOnce() {
        if (!client.healthy()) {
            online = false;
            reachable = false;
            failures++;
            String err = Texts.get("error.refused", config.get().base());
            store.recordFailure(List.of(), err);
            return new SyncReport(true, null, null, err);
        }
        online = true;
        reachable = true;
        askDesk();
        Uploader.Report up = uploader.run();
        if (!up.complete()) {
            // gone in the middle of the round (killed, network cut): probe until it answers, not the backoff
            if (!up.unauthorized()) {
                reachable = client.healthy();
            }
            online = !up.unauthorized() && reachable;
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
        try {
            drainFeed();
            pullCounty();
            pullConflicts();
        } catch (Unanswered e) {
            failures++;
            store.recordFailure(List.of(), e.getMessage());
            return new SyncReport(true, up, pull, e.getMessage());
        }
        recheckVouchers();
        store.recordSuccess();
        return new SyncReport(true, up, pull, null);
    }

    /**
     * Issue 13: the e-vouchers of cases taken in offline (待核验) are asked about again; an unanswered question
     * leaves the rest for the next round and does not fail this one (the upload and pulls succeeded).
     */
    private void recheckVouchers() {
        try {
            VoucherService.Recheck r = vouchers.recheckPending(voucherResolver);
            if (r.asked() > 0) {
                LOG.info("vouchers rechecked: {} asked, {} verified, {} mismatched{}", r.asked(), r.verified(),
                        r.mismatched(), r.unanswered() == null ? "" : " (stopped: " + r.unanswered() + ")");
            }
        } catch (RuntimeException e) {
            LOG.warn("voucher recheck failed; the next round tries again", e);
        }
    }

    /**
     * Until the province answered it once: who it knows this desk as; the desk's case-number counters continue above
     * the sequences it received from this window (a reinstalled or restored desk never issues a number twice). A
     * province without the endpoint, or not answering, is asked again at the next round; the round goes on.
     */
    private void askDesk() {
        if (deskInfo != null) {
            return;
        }
        try {
            deskInfo = ProvinceDesk.apply(store.desk(), client);
        } catch (Unanswered | Refused e) {
            LOG.info("desk information not available: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("desk information not applied", e);
        }
    }

    /**
     * The registry conflicts of this desk's agency, page by page (issue 13, D138): each becomes a 退回任务 the
     * supervisor sees. A province without the endpoint (404, an older release) or refusing it leaves the round alone.
     */
    private void pullConflicts() throws Unanswered {
        try {
            for (int pages = 0; pages < 10_000; pages++) {
                long since = store.conflictVersion();
                org.ybdesk.protocol.RegistryConflicts page = client.conflicts(since, Puller.PAGE);
                store.applyConflicts(page.version(), page.conflicts());
                if (!page.more() || page.version() <= since) {
                    break;
                }
            }
        } catch (Refused e) {
            LOG.info("registry conflicts not available: {}", e.getMessage());
        }
    }

    /** A county (or higher) desk pulls the summaries of its agency's subtree, page by page (D125). */
    private void pullCounty() throws Unanswered {
        DeskInfo info = deskInfo;
        if (info == null || !ProvinceDesk.countyOrHigher(info)) {
            return;
        }
        try {
            for (int pages = 0; pages < 10_000; pages++) {
                long since = holdings.countyVersion();
                CountyCases page = client.county(since, COUNTY_PAGE);
                holdings.applyCounty(page);
                if (!page.more() || page.version() <= since) {
                    break;
                }
            }
        } catch (Refused e) {
            LOG.info("county view refused: {}", e.getMessage());
        }
    }

    // -------------------------------------------------------------------------------------------------- the feed

    /** Serialises applying feed pages (the feed thread and a round may both read the feed). */
    private final Object feedApply = new Object();

    /**
     * One feed request (waiting up to {@code waitSeconds} at the province) and its page applied: entries replayed,
     * the whole history fetched for a case the desk has no copy of, the case listeners told. Returns the number of
     * entries (0: nothing new).
     */
    private int feedOnce(int waitSeconds) throws Unanswered, Refused {
        CaseFeed page = client.feed(holdings.feedVersion(), FEED_PAGE, waitSeconds);
        if (page.entries().isEmpty()) {
            return 0;
        }
        synchronized (feedApply) {
            List<String> missing = holdings.applyFeed(page);
            for (String caseNo : missing) {
                holdings.applyHistory(client.history(caseNo));
            }
        }
        lastFeedMillis = System.currentTimeMillis();
        Set<String> changed = new LinkedHashSet<>();
        page.entries().forEach(e -> changed.add(e.caseNo()));
        for (Consumer<Set<String>> l : caseListeners) {
            try {
                l.accept(Set.copyOf(changed));
            } catch (RuntimeException ex) {
                LOG.warn("case listener failed", ex);
            }
        }
        return page.entries().size();
    }

    /**
     * A round's share of the feed: every entry waiting now, without long polling (so {@code ybdesk sync now} brings
     * the other desks' changes as well, not only the window's feed thread). A refusal of the feed (an older province)
     * is logged and the round goes on.
     */
    private void drainFeed() throws Unanswered {
        try {
            for (int pages = 0; pages < 10_000 && feedOnce(0) > 0; pages++) {
                // next page
            }
        } catch (Refused e) {
            LOG.info("feed refused: {}", e.getMessage());
        }
    }

    /**
     * The feed loop (thread {@code ybdesk-feed}, beside the periodic rounds): asks the province for the entries after
     * the desk's feed version, waiting there up to {@link #feedWaitSeconds} (long polling); applies each page with the
     * same rules as the desk's own cases ({@link Holdings#applyFeed}); fetches the whole history of a case the desk
     * has no copy of; then tells the case listeners and publishes the status. No answer → offline: the round thread's
     * probe takes over and the loop waits until the province answers again.
     */
    private void feedLoop() {
        while (!closed) {
            if (!online || System.currentTimeMillis() < feedPausedUntil) {
                sleep(200);
                continue;
            }
            try {
                if (feedOnce(feedWaitSeconds) == 0) {
                    continue;
                }
                publish();
            } catch (Unanswered e) {
                if (closed) {
                    return;
                }
                if (e.status() == 0 && !e.unauthorized()) {
                    LOG.info("feed: province not answering ({}): offline", e.getMessage());
                    goneOffline();
                } else {
                    LOG.info("feed unanswered: {}", e.getMessage());
                    pauseFeed(e.unauthorized() ? 60_000 : 5_000);
                }
            } catch (Refused e) {
                LOG.info("feed refused: {}", e.getMessage());
                pauseFeed(e.notFound() ? 60_000 : 30_000);
            } catch (RuntimeException e) {
                LOG.warn("feed not applied", e);
                pauseFeed(30_000);
            }
        }
    }

    /** The feed found the province gone: offline, and the probe asks its health every few seconds. */
    private void goneOffline() {
        if (online) {
            online = false;
            reachable = false;
            publish();
            scheduleTask(this::probe, probeInterval);
        }
    }

    private void pauseFeed(long millis) {
        feedPausedUntil = System.currentTimeMillis() + millis;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        List<SyncStore.QuarantinedChain> q = c.quarantined() == 0 ? List.of() : store.quarantined();
        return new SyncStatus(config.isPresent(), online, running, c.pending(), c.failing(), c.refused(), c.acked(),
                c.openTasks(), s.lastSuccessAt(), s.lastAttemptAt(),
                config.isEmpty() ? Texts.get("config.missing") : s.lastError(), q.size(),
                q.isEmpty() ? null : q.get(0).reason());
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
        closed = true;
        Thread t = feedThread;
        if (t != null) {
            t.interrupt();
        }
        exec.shutdownNow();
        try {
            exec.awaitTermination(config.map(c -> c.timeoutSeconds() + 5).orElse(5), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
