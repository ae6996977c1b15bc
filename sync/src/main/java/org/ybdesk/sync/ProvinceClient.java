package org.ybdesk.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.ybdesk.protocol.ErrorBody;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.ReferenceData;
import org.ybdesk.protocol.RegistryDelta;
import org.ybdesk.protocol.UploadRequest;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.org.CaseFeed;
import org.ybdesk.protocol.org.CaseHistory;
import org.ybdesk.protocol.org.ClaimRequest;
import org.ybdesk.protocol.org.CountyCases;
import org.ybdesk.protocol.org.DeskInfo;
import org.ybdesk.protocol.org.ReassignRequest;
import org.ybdesk.protocol.org.ReassignResult;
import org.ybdesk.protocol.voucher.VoucherResolution;
import org.ybdesk.protocol.voucher.VoucherResolveRequest;

/**
 * HTTP to the provincial server (JSON, see docs/protocol.md), with the JDK's client: a connect timeout and a
 * per-request timeout, the desk's bearer token, the JVM's or the configured trust store for https. Every failure
 * that is not a readable answer becomes {@link Unanswered} with a Chinese reason.
 */
public final class ProvinceClient {
    /** The province's refusal of a batch whose audit chain head shows a cut-back or rewritten chain (D71). */
    static final String AUDIT_CHAIN_REWOUND = "AUDIT_CHAIN_REWOUND";
    private final SyncConfig config;
    private final HttpClient http;
    private final ObjectMapper json = ProtocolJson.mapper();

    public ProvinceClient(SyncConfig config) {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout());
        if (config.trustStore() != null) {
            b.sslContext(sslContext(config));
        }
        this.http = b.build();
    }

    /**
     * Trust exactly what the configured file holds: an X.509 certificate file (PEM or DER, one or more certificates:
     * the province's CA or its self-signed server certificate) or a key store (PKCS12 or JKS) with trusted entries.
     */
    private static SSLContext sslContext(SyncConfig c) {
        try {
            KeyStore ks = trustedCertificates(c);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("trust store " + c.trustStore() + " unusable", e);
        }
    }

    private static KeyStore trustedCertificates(SyncConfig c) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(c.trustStore());
        java.util.Collection<? extends java.security.cert.Certificate> certs;
        try {
            certs = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificates(new java.io.ByteArrayInputStream(bytes));
        } catch (java.security.cert.CertificateException notCertificates) {
            certs = java.util.List.of();
        }
        if (!certs.isEmpty()) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (java.security.cert.Certificate cert : certs) {
                ks.setCertificateEntry("trusted-" + i++, cert);
            }
            return ks;
        }
        char[] password = c.trustStorePassword() == null ? null : c.trustStorePassword().toCharArray();
        return KeyStore.getInstance(c.trustStore().toFile(), password);
    }

    public SyncConfig config() {
        return config;
    }

    /** The server answers its health check (no token needed). */
    public boolean healthy() {
        try {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(Protocol.PATH_HEALTH)).GET(), false);
            return r.statusCode() == 200;
        } catch (Unanswered e) {
            return false;
        }
    }

    public UploadResponse upload(UploadRequest request) throws Unanswered {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int n = request.messages() == null ? 0 : request.messages().size();
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(Protocol.PATH_UPLOAD))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), true, uploadTimeout(n));
        return read(r, UploadResponse.class);
    }

    public ReferenceData reference(long since) throws Unanswered {
        return read(send(HttpRequest.newBuilder(uri(Protocol.PATH_REFERENCE + "?since=" + since)).GET(), true),
                ReferenceData.class);
    }

    public RegistryDelta registry(long since, int limit) throws Unanswered {
        return read(send(HttpRequest.newBuilder(uri(Protocol.PATH_REGISTRY + "?since=" + since + "&limit=" + limit))
                .GET(), true), RegistryDelta.class);
    }

    // ------------------------------------------------------------------------------------------- the organisation

    /** {@code GET /api/v1/desk}: who the province knows this desk as, and its last case sequences per day. */
    public DeskInfo desk() throws Unanswered, Refused {
        return answer(send(HttpRequest.newBuilder(uri(Protocol.PATH_DESK)).GET(), true), DeskInfo.class);
    }

    /**
     * {@code GET /api/v1/cases/feed}: the entries after {@code since}; with {@code waitSeconds} &gt; 0 the province
     * holds the request until an entry arrives or the time is up (long polling), so the read waits that long plus
     * the configured timeout.
     */
    public CaseFeed feed(long since, int limit, int waitSeconds) throws Unanswered, Refused {
        int wait = Math.max(0, Math.min(waitSeconds, Protocol.MAX_FEED_WAIT_SECONDS));
        return answer(send(HttpRequest.newBuilder(uri(Protocol.PATH_FEED + "?since=" + since + "&limit=" + limit
                + "&wait=" + wait)).GET(), true, config.timeout().plusSeconds(wait)), CaseFeed.class);
    }

    /** {@code GET /api/v1/cases/{no}}: the case with its holder and whole history. */
    public CaseHistory history(String caseNo) throws Unanswered, Refused {
        return answer(send(HttpRequest.newBuilder(uri(casePath(caseNo, ""))).GET(), true), CaseHistory.class);
    }

    /**
     * {@code POST /api/v1/cases/{no}/claim} (领取): the whole history when granted; {@link Refused#caseHeld()} with
     * the holder named in Chinese when another desk was first.
     */
    public CaseHistory claim(String caseNo, ClaimRequest request) throws Unanswered, Refused {
        return answer(post(casePath(caseNo, "/claim"), request), CaseHistory.class);
    }

    /** {@code POST /api/v1/cases/{no}/release} online: the case goes back to its agency's pool. */
    public CaseHistory release(String caseNo, ClaimRequest request) throws Unanswered, Refused {
        return answer(post(casePath(caseNo, "/release"), request), CaseHistory.class);
    }

    /** {@code POST /api/v1/cases/reassign}: a supervisor moves a lost desk's cases (reason required). */
    public ReassignResult reassign(ReassignRequest request) throws Unanswered, Refused {
        return answer(post(Protocol.PATH_REASSIGN, request), ReassignResult.class);
    }

    /** {@code GET /api/v1/county/cases}: one page of the county view's summaries after {@code since}. */
    public CountyCases county(long since, int limit) throws Unanswered, Refused {
        return answer(send(HttpRequest.newBuilder(uri(Protocol.PATH_COUNTY + "?since=" + since + "&limit=" + limit))
                .GET(), true), CountyCases.class);
    }

    /**
     * {@code POST /api/v1/vouchers/resolve} (issue 13): whom an e-voucher code belongs to; {@link Refused} with the
     * province's Chinese reason for an unknown (404), expired (422) or malformed (400) code.
     */
    public VoucherResolution resolveVoucher(String code) throws Unanswered, Refused {
        return answer(post(Protocol.PATH_VOUCHER_RESOLVE, new VoucherResolveRequest(code)), VoucherResolution.class);
    }

    /** {@code GET /api/v1/conflicts}: one page of the registry conflicts of this desk's agency (issue 13, D134). */
    public org.ybdesk.protocol.RegistryConflicts conflicts(long since, int limit) throws Unanswered, Refused {
        return answer(send(HttpRequest.newBuilder(uri(Protocol.PATH_CONFLICTS + "?since=" + since + "&limit="
                + limit)).GET(), true), org.ybdesk.protocol.RegistryConflicts.class);
    }

    private HttpResponse<byte[]> post(String path, Object body) throws Unanswered {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), true);
    }

    /** The path of one case; a case number is letters and digits only (nothing else may reach the URL). */
    private static String casePath(String caseNo, String tail) throws Unanswered {
        if (caseNo == null || !caseNo.matches("[0-9A-Za-z]{1,64}")) {
            throw new Unanswered(Texts.get("error.caseNo", String.valueOf(caseNo)), null);
        }
        return Protocol.PATH_CASES + "/" + caseNo + tail;
    }

    /**
     * An answer of the organisation's endpoints: 200 → the value; 400/403/404/409/422 → {@link Refused} with the
     * server's Chinese reason; 401, 5xx and anything unreadable → {@link Unanswered} (not a result).
     */
    private <T> T answer(HttpResponse<byte[]> r, Class<T> type) throws Unanswered, Refused {
        int code = r.statusCode();
        if (code == 400 || code == 403 || code == 404 || code == 409 || code == 422) {
            ErrorBody err = null;
            try {
                err = json.readValue(r.body(), ErrorBody.class);
            } catch (IOException | RuntimeException ignored) {
                // not an error body (e.g. an older server without this path): the status says enough
            }
            String msg = err != null && err.errMsg() != null && !err.errMsg().isBlank() ? err.errMsg()
                    : Texts.get(code == 404 ? "error.notFound" : "error.refusedStatus", code);
            throw new Refused(code, err == null ? null : err.errCode(), msg);
        }
        return read(r, type);
    }

    private URI uri(String path) {
        return URI.create(config.base() + path);
    }

    /**
     * The server applies a batch message by message: its answer may take longer for more messages. The wait is the
     * configured timeout plus 100 ms a message (500 messages: + 50 s).
     */
    java.time.Duration uploadTimeout(int messages) {
        return config.timeout().plusMillis(100L * messages);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b, boolean auth) throws Unanswered {
        return send(b, auth, config.timeout());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b, boolean auth, java.time.Duration timeout)
            throws Unanswered {
        String plain = config.plainHttpRefusal();
        if (plain != null) {
            // never send the token or data in clear over the network, whatever the configuration file says
            throw new Unanswered(plain, null);
        }
        b.timeout(timeout).header("Accept", "application/json");
        if (auth) {
            b.header(Protocol.AUTH_HEADER, Protocol.BEARER + config.token());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new Unanswered(Texts.get("error.connectTimeout", config.base(), config.timeoutSeconds()), e);
        } catch (HttpTimeoutException e) {
            throw new Unanswered(Texts.get("error.timeout", timeout.toSeconds()), e);
        } catch (ConnectException e) {
            throw new Unanswered(Texts.get("error.refused", config.base()), e);
        } catch (IOException e) {
            throw new Unanswered(Texts.get("error.io", String.valueOf(e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered(Texts.get("error.interrupted"), e);
        }
    }

    private <T> T read(HttpResponse<byte[]> r, Class<T> type) throws Unanswered {
        int code = r.statusCode();
        if (code == 200) {
            try {
                return json.readValue(r.body(), type);
            } catch (IOException e) {
                throw new Unanswered(Texts.get("error.unreadable", String.valueOf(e.getMessage())), e);
            }
        }
        String detail = "";
        String errCode = null;
        Long anchoredSeq = null;
        try {
            ErrorBody err = json.readValue(r.body(), ErrorBody.class);
            if (err != null && err.errMsg() != null) {
                detail = err.errMsg();
            }
            errCode = err == null ? null : err.errCode();
            anchoredSeq = err == null ? null : err.anchoredSeq();
        } catch (IOException | RuntimeException ignored) {
            // not an error body: the status says enough
        }
        if (code == 409 && AUDIT_CHAIN_REWOUND.equals(errCode)) {
            throw new Unanswered(Texts.get("error.auditRewound", detail), null).withProofSeq(anchoredSeq);
        }
        if (code == 401 || code == 403) {
            throw new Unanswered(Texts.get("error.unauthorized", code, detail), null, true).withStatus(code);
        }
        throw new Unanswered(Texts.get(code == 400 ? "error.badRequest" : "error.status", code, detail), null, false,
                code == 413).withStatus(code);
    }
}
