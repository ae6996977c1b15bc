package org.ybdesk.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.UploadRequest;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.ReferenceStore;

/** A real server on a free loopback port over a fresh PostgreSQL database, and a real HTTP client. */
final class ServerFixture implements AutoCloseable {
    final ProvinceDb db;
    final ProvinceServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture() {
        this(null);
    }

    /** On a fixed clock (null: the system clock). */
    ServerFixture(java.time.Clock clock) {
        db = TestPostgres.newDatabase(clock);
        new ReferenceStore(db).seedIfEmpty();
        server = ProvinceServer.start(db, "127.0.0.1", 0);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A desk of an agency, with the helpers that make its envelopes (seq and time counting up). */
    final class DeskClient {
        final Desks.Desk desk;
        final String token;
        long seq;
        LocalDateTime clock = LocalDateTime.of(2026, 11, 20, 9, 0, 0);

        DeskClient(String agency, String admdvs, String name) {
            Desks.Registration r = server.desks().add(agency, admdvs, name);
            this.desk = r.desk();
            this.token = r.token();
        }

        Envelope envelope(String infno, Map<String, Object> input) {
            seq++;
            clock = clock.plusMinutes(1);
            return envelopeAt(infno, input, seq, clock);
        }

        Envelope envelopeAt(String infno, Map<String, Object> input, long seqNo, LocalDateTime at) {
            return envelopeNode(infno, ProtocolJson.mapper().valueToTree(input), seqNo, at);
        }

        /** The next envelope with any JSON as its input (hostile-input tests). */
        Envelope envelopeNode(String infno, JsonNode input) {
            seq++;
            clock = clock.plusMinutes(1);
            return envelopeNode(infno, input, seq, clock);
        }

        Envelope envelopeNode(String infno, JsonNode in, long seqNo, LocalDateTime at) {
            return new Envelope(infno, Protocol.msgid(desk.agencyCode(), at, desk.windowNo(), seqNo),
                    Protocol.INF_TIME.format(at), Protocol.VERSION, Protocol.OPERATOR_CLERK, "zhang", "张经办",
                    desk.agencyCode(), desk.admdvs(), String.format("%03d", desk.windowNo()), seqNo, in);
        }

        Envelope person(String idNumber, String name) {
            return envelope("4201", Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", name,
                    "insuranceType", "EMPLOYEE", "status", "INSURED", "birthDate", "1980-01-01", "gender", "MALE"));
        }

        Envelope unit(String creditCode, String name) {
            return envelope("4202", Map.of("creditCode", creditCode, "name", name, "unitType", "企业",
                    "status", "INSURED"));
        }

        Envelope caseReceived(String caseNo, int itemNo, String applicantId) {
            return envelope("4101", Map.of("caseNo", caseNo, "agencyCode", desk.agencyCode(), "itemNo", itemNo,
                    "catalogVersion", "2026.1", "applicantKind", "PERSON", "applicantIdNumber", applicantId,
                    "applicantName", "李四", "action", "RECEIVE", "toState", "RECEIVED"));
        }

        Envelope caseStep(String caseNo, String action, String from, String to) {
            return envelope("4102", Map.of("caseNo", caseNo, "itemNo", 11, "action", action, "fromState", from,
                    "toState", to));
        }

        Envelope caseMaterials(String caseNo) {
            return envelope("4103", Map.of("caseNo", caseNo, "materials", Map.of("1", "PAPER")));
        }

        UploadResponse upload(Envelope... envelopes) {
            return upload(List.of(envelopes));
        }

        UploadResponse upload(List<Envelope> envelopes) {
            HttpResponse<String> r = post(token, envelopes);
            if (r.statusCode() != 200) {
                throw new AssertionError("upload answered " + r.statusCode() + ": " + r.body());
            }
            return read(r.body(), UploadResponse.class);
        }
    }

    DeskClient desk(String agency, String admdvs, String name) {
        return new DeskClient(agency, admdvs, name);
    }

    HttpResponse<String> post(String token, List<Envelope> envelopes) {
        try {
            return postRaw(token, ProtocolJson.mapper().writeValueAsString(new UploadRequest(envelopes)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** POST {@code body} (JSON) to {@code url} with the desk's token. */
    HttpResponse<String> post(String token, String url, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header(Protocol.AUTH_HEADER, Protocol.BEARER + token);
        }
        return send(b.build());
    }

    /** A case number of the issue-12 format: agency + yyyyMMdd + 2-digit window + 5-digit sequence. */
    static String caseNo(String agency, java.time.LocalDate day, int window, int seq) {
        return agency + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%02d%05d", window, seq);
    }

    HttpResponse<String> postRaw(String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + Protocol.PATH_UPLOAD))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header(Protocol.AUTH_HEADER, Protocol.BEARER + token);
        }
        return send(b.build());
    }

    HttpResponse<String> get(String token, String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header(Protocol.AUTH_HEADER, Protocol.BEARER + token);
        }
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return ProtocolJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("unreadable answer: " + json, e);
        }
    }

    int count(String table) {
        return db.dsl().fetchCount(org.jooq.impl.DSL.table(table));
    }

    static List<String> codes(UploadResponse r) {
        List<String> out = new ArrayList<>();
        for (UploadResult x : r.results()) {
            out.add(x.accepted() ? "OK" : x.errCode());
        }
        return out;
    }

    /** A valid resident ID of division {@code region}: birth 1990-01-01 plus i/1000 days, sequence i%1000. */
    static String pid(String region, int i) {
        String first17 = region + java.time.LocalDate.of(1990, 1, 1).plusDays(i / 1000)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", i % 1000);
        return first17 + org.ybdesk.core.validation.Validators.residentIdCheckChar(first17);
    }

    /** A person's name without digits: {@code prefix} and {@code i} in Chinese digits (prefix 甲, 12 → 甲一二). */
    static String name(String prefix, int i) {
        StringBuilder b = new StringBuilder(prefix);
        for (char c : String.valueOf(i).toCharArray()) {
            b.append("零一二三四五六七八九".charAt(c - '0'));
        }
        return b.toString();
    }

    /** {@code code} with its last character replaced by the right GB 32100 check character. */
    static String ucc(String code) {
        return code.substring(0, 17) + org.ybdesk.core.validation.Validators.creditCodeCheckChar(code.substring(0, 17));
    }

    static ObjectNode object() {
        return ProtocolJson.mapper().createObjectNode();
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
