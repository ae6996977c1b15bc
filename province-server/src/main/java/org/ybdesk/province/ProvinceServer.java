package org.ybdesk.province;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.ErrorBody;
import org.ybdesk.protocol.Health;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.UploadRequest;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.protocol.org.CaseFeed;
import org.ybdesk.protocol.org.ClaimRequest;
import org.ybdesk.protocol.org.ReassignRequest;
import org.ybdesk.province.store.AuditAnchors;
import org.ybdesk.province.store.Cases;
import org.ybdesk.province.store.FeedSignal;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.ReferenceStore;
import org.ybdesk.province.store.RegistryPulls;
import org.ybdesk.province.store.Uploads;
import org.ybdesk.province.store.Vouchers;
import org.ybdesk.protocol.voucher.VoucherResolveRequest;

/**
 * The provincial server's HTTP side (Javalin on Jetty), implementing docs/protocol.md: upload, reference and
 * registry pulls, health. Every non-2xx answer is an {@link ErrorBody} with a Chinese {@code err_msg}.
 */
public final class ProvinceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvinceServer.class);
    private static final ObjectMapper JSON = ProtocolJson.mapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final ProvinceDb db;
    private final Desks desks;
    private final Uploads uploads;
    private final ReferenceStore reference;
    private final RegistryPulls registry;
    private final AuditAnchors anchors;
    private final Cases cases;
    private final Vouchers vouchers;
    private final org.ybdesk.province.store.Conflicts conflicts;
    private final FeedSignal signal = new FeedSignal();
    /** Wakes long polls whose time is up (the waiting itself holds no thread). */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "province-feed-timer");
        t.setDaemon(true);
        return t;
    });
    /** Reads the feed again for woken long polls (a few threads: the reads are short). */
    private final ExecutorService readers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "province-feed-reader");
        t.setDaemon(true);
        return t;
    });
    private final Javalin app;

    /**
     * HTTPS: a PKCS12 key store holding the server's key and certificate chain, and its password
     * ({@code province-server tls init} makes a self-signed one).
     */
    public record Tls(Path keyStore, char[] password) {
    }

    private final boolean https;

    private ProvinceServer(ProvinceDb db, String host, int port, Tls tls) {
        this.https = tls != null;
        this.db = db;
        this.desks = new Desks(db);
        this.uploads = new Uploads(db, Catalog.loadDefault(), signal);
        this.cases = new Cases(db, signal);
        this.reference = new ReferenceStore(db);
        this.registry = new RegistryPulls(db);
        this.conflicts = new org.ybdesk.province.store.Conflicts(db);
        this.anchors = new AuditAnchors(db);
        this.vouchers = new Vouchers(db);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = Protocol.MAX_BODY_BYTES;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            if (tls != null) {
                // the only connector: no plain-HTTP port is opened next to the HTTPS one
                cfg.jetty.addConnector((server, httpConfig) -> httpsConnector(server, httpConfig, host, port, tls));
            }
            cfg.routes.post(Protocol.PATH_UPLOAD, this::upload);
            cfg.routes.get(Protocol.PATH_REFERENCE, this::referencePull);
            cfg.routes.get(Protocol.PATH_REGISTRY, this::registryPull);
            cfg.routes.get(Protocol.PATH_HEALTH, this::health);
            cfg.routes.get(Protocol.PATH_DESK, this::deskInfo);
            // the literal paths first: /cases/feed is not a case number
            cfg.routes.get(Protocol.PATH_FEED, this::feed);
            cfg.routes.post(Protocol.PATH_REASSIGN, this::reassign);
            cfg.routes.get(Protocol.PATH_COUNTY, this::county);
            cfg.routes.get(Protocol.PATH_CONFLICTS, this::conflicts);
            cfg.routes.get(Protocol.PATH_CASES + "/{no}", this::caseHistory);
            cfg.routes.post(Protocol.PATH_CASES + "/{no}/claim", this::claim);
            cfg.routes.post(Protocol.PATH_CASES + "/{no}/release", this::release);
            cfg.routes.post(Protocol.PATH_VOUCHER_RESOLVE, this::resolveVoucher);
            cfg.routes.exception(ApiException.class, (e, ctx) -> json(ctx, e.status(),
                    new ErrorBody(e.code(), e.getMessage(), e.anchoredSeq())));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "SERVER_ERROR", Texts.get("server.error"));
            });
        });
    }

    /** Starts the server on {@code host:port} (port 0: a free one, see {@link #port()}). */
    public static ProvinceServer start(ProvinceDb db, String host, int port) {
        return start(db, host, port, null);
    }

    /** Starts the server; with {@code tls} it serves HTTPS only. */
    public static ProvinceServer start(ProvinceDb db, String host, int port, Tls tls) {
        if (tls != null && !Files.isReadable(tls.keyStore())) {
            throw new IllegalArgumentException("TLS key store not readable: " + tls.keyStore());
        }
        ProvinceServer s = new ProvinceServer(db, host, port, tls);
        s.app.start();
        LOG.info("province server listening on {}://{}:{}", s.scheme(), host, s.port());
        return s;
    }

    /** {@code https} when the server serves TLS, else {@code http}. */
    public String scheme() {
        return https ? "https" : "http";
    }

    private static Connector httpsConnector(Server server, HttpConfiguration base, String host, int port, Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(new String(tls.password()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration httpsConfig = new HttpConfiguration(base);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // the client verifies the host name against the certificate; desks may connect by IP address (no SNI)
        secure.setSniHostCheck(false);
        httpsConfig.addCustomizer(secure);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(httpsConfig));
        c.setHost(host);
        c.setPort(port);
        return c;
    }

    public int port() {
        return app.port();
    }

    public Desks desks() {
        return desks;
    }

    public ReferenceStore reference() {
        return reference;
    }

    @Override
    public void close() {
        app.stop();
        timer.shutdownNow();
        readers.shutdownNow();
    }

    // ------------------------------------------------------------------ handlers

    private void upload(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        UploadRequest req;
        try {
            req = JSON.readValue(body(ctx), UploadRequest.class);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("batch.unreadable", e.getClass().getSimpleName()));
        }
        List<Envelope> messages = req == null ? null : req.messages();
        if (messages == null) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("batch.empty"));
        }
        if (messages.size() > Protocol.MAX_BATCH) {
            throw new ApiException(413, "BATCH_TOO_LARGE",
                    Texts.get("batch.tooLarge", messages.size(), Protocol.MAX_BATCH));
        }
        EnvelopeCheck.authorise(desk, messages);
        List<String> problems = EnvelopeCheck.problems(messages);
        if (!problems.isEmpty()) {
            throw new ApiException(400, "INVALID_ENVELOPE", Texts.get("batch.invalid", String.join("；", problems)));
        }
        anchors.check(desk, req); // the desk's audit chain head (D71): refused when cut back or rewritten
        long t0 = System.nanoTime();
        List<UploadResult> results = uploads.process(desk, messages);
        LOG.info("desk {}/{}: {} messages in {} ms ({} refused, {} duplicates)", desk.agencyCode(),
                desk.windowNo(), results.size(), (System.nanoTime() - t0) / 1_000_000,
                results.stream().filter(r -> !r.accepted()).count(),
                results.stream().filter(UploadResult::duplicate).count());
        json(ctx, 200, new UploadResponse(results));
    }

    /**
     * The request body, at most {@link Protocol#MAX_BODY_BYTES}: a larger declared length or a longer stream (a
     * chunked body has no declared length) gets 413 without being read further.
     */
    private static byte[] body(Context ctx) throws IOException {
        long limit = Protocol.MAX_BODY_BYTES;
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes((int) limit + 1);
            if (b.length > limit) {
                throw tooLarge();
            }
            return b;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "BODY_TOO_LARGE", Texts.get("batch.bodyTooLarge", Protocol.MAX_BODY_BYTES));
    }

    private void referencePull(Context ctx) {
        authenticate(ctx);
        json(ctx, 200, reference.since(longParam(ctx, "since", 0)));
    }

    private void registryPull(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        long since = longParam(ctx, "since", 0);
        long limit = longParam(ctx, "limit", RegistryPulls.DEFAULT_LIMIT);
        if (limit < 1 || limit > RegistryPulls.MAX_LIMIT) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("request.badParam", "limit", limit));
        }
        json(ctx, 200, registry.since(desk.admdvs(), since, (int) limit));
    }

    private void deskInfo(Context ctx) {
        json(ctx, 200, cases.deskInfo(authenticate(ctx)));
    }

    /**
     * {@code GET /cases/feed?since&limit&wait}: answers at once when entries exist; else waits (without holding a
     * thread) until a commit adds entries or {@code wait} seconds pass, then reads again.
     */
    private void feed(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        long since = longParam(ctx, "since", 0);
        long limit = longParam(ctx, "limit", Cases.DEFAULT_LIMIT);
        if (limit < 1 || limit > Cases.MAX_LIMIT) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("request.badParam", "limit", limit));
        }
        long wait = longParam(ctx, "wait", 0);
        if (wait > Protocol.MAX_FEED_WAIT_SECONDS) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("feed.wait", wait, Protocol.MAX_FEED_WAIT_SECONDS));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
        ctx.future(() -> poll(desk, since, (int) limit, deadline)
                .thenAccept(feed -> json(ctx, 200, feed)));
    }

    private CompletableFuture<CaseFeed> poll(Desks.Desk desk, long since, int limit, long deadline) {
        // taken before reading: an entry committed after the read still wakes this request
        CompletableFuture<Void> next = signal.next();
        CaseFeed feed = cases.feed(desk, since, limit);
        long left = deadline - System.nanoTime();
        if (!feed.entries().isEmpty() || left <= 0) {
            return CompletableFuture.completedFuture(feed);
        }
        CompletableFuture<Void> woken = new CompletableFuture<>();
        next.thenRun(() -> woken.complete(null));
        timer.schedule(() -> woken.complete(null), left, TimeUnit.NANOSECONDS);
        return woken.thenComposeAsync(x -> System.nanoTime() >= deadline
                ? CompletableFuture.completedFuture(cases.feed(desk, since, limit))
                : poll(desk, since, limit, deadline), readers);
    }

    private void caseHistory(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        json(ctx, 200, cases.history(desk, caseNo(ctx)));
    }

    private void claim(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        String no = caseNo(ctx);
        json(ctx, 200, cases.claim(desk, no, optionalBody(ctx, ClaimRequest.class)));
    }

    private void release(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        String no = caseNo(ctx);
        json(ctx, 200, cases.release(desk, no, optionalBody(ctx, ClaimRequest.class)));
    }

    private void reassign(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        ReassignRequest req = optionalBody(ctx, ReassignRequest.class);
        if (req == null) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("reassign.empty"));
        }
        json(ctx, 200, cases.reassign(desk, req));
    }

    private void county(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        long since = longParam(ctx, "since", 0);
        long limit = longParam(ctx, "limit", Cases.DEFAULT_LIMIT);
        if (limit < 1 || limit > Cases.MAX_LIMIT) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("request.badParam", "limit", limit));
        }
        json(ctx, 200, cases.county(desk, since, (int) limit));
    }

    /** {@code POST /api/v1/vouchers/resolve} (issue 13): who an e-voucher code belongs to. */
    private void resolveVoucher(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        VoucherResolveRequest req = optionalBody(ctx, VoucherResolveRequest.class);
        if (req == null || req.code() == null || req.code().isBlank()) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("voucher.request"));
        }
        json(ctx, 200, vouchers.resolve(desk, req.code()));
    }

    /** {@code GET /conflicts?since&limit}: the registry conflicts of the desk's agency (issue 13, D134). */
    private void conflicts(Context ctx) {
        Desks.Desk desk = authenticate(ctx);
        long since = longParam(ctx, "since", 0);
        long limit = longParam(ctx, "limit", org.ybdesk.province.store.Conflicts.DEFAULT_LIMIT);
        if (limit < 1 || limit > org.ybdesk.province.store.Conflicts.MAX_LIMIT) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("request.badParam", "limit", limit));
        }
        json(ctx, 200, conflicts.since(desk, since, (int) limit));
    }

    /** The case number of the path, checked (no garbage reaches the database). */
    private static String caseNo(Context ctx) {
        String no = ctx.pathParam("no");
        if (!CaseNumbers.wellFormed(no)) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("case.badNumber", InputCheck.shown(no)));
        }
        return no;
    }

    /** A small JSON body of {@code type}; null when the request has none. */
    private static <T> T optionalBody(Context ctx, Class<T> type) {
        try {
            byte[] b = body(ctx);
            if (b.length == 0) {
                return null;
            }
            return JSON.readValue(b, type);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("request.unreadable", type.getSimpleName()));
        }
    }

    private void health(Context ctx) {
        boolean up = db.healthy();
        json(ctx, up ? 200 : 503, new Health(up ? Health.UP : Health.DOWN, Protocol.VERSION));
    }

    // ------------------------------------------------------------------ helpers

    private Desks.Desk authenticate(Context ctx) {
        String h = ctx.header(Protocol.AUTH_HEADER);
        if (h == null || !h.startsWith(Protocol.BEARER) || h.substring(Protocol.BEARER.length()).isBlank()) {
            throw new ApiException(401, "UNAUTHORIZED", Texts.get("auth.missing"));
        }
        return desks.authenticate(h.substring(Protocol.BEARER.length()))
                .orElseThrow(() -> new ApiException(401, "UNAUTHORIZED", Texts.get("auth.unknown")));
    }

    private static long longParam(Context ctx, String name, long dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("request.badParam", name, v));
        }
    }

    private static void error(Context ctx, int status, String code, String message) {
        json(ctx, status, new ErrorBody(code, message));
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON_TYPE).result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
