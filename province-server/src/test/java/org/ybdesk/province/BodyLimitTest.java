package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.Protocol;

/**
 * Upload bodies over {@link Protocol#MAX_BODY_BYTES} get 413 whether their length is declared
 * ({@code Content-Length}) or not ({@code Transfer-Encoding: chunked}, streamed without end), over a raw socket so
 * nothing in a client library hides what the server does.
 */
class BodyLimitTest {
    static ServerFixture f;
    static ServerFixture.DeskClient desk;

    @BeforeAll
    static void start() {
        f = new ServerFixture();
        desk = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String head(String extra) {
        return "POST " + Protocol.PATH_UPLOAD + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + desk.token + "\r\nContent-Type: application/json\r\n" + extra + "\r\n";
    }

    /** Writes {@code head} then {@code bodyBytes} of JSON-ish filler (in the background); returns the status line. */
    private static String exchange(String head, long bodyBytes, boolean chunked) throws Exception {
        try (Socket s = new Socket("127.0.0.1", f.server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    chunk[0] = '[';
                    long sent = 0;
                    while (sent < bodyBytes) {
                        int n = (int) Math.min(chunk.length, bodyBytes - sent);
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk, 0, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent += n;
                    }
                    out.flush();
                } catch (IOException closedByServer) {
                    // the server answered and closed without reading the rest: expected
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && rest.length() < 4000) {
                rest.append(line).append('\n');
                if (line.contains("err_code")) {
                    break;
                }
            }
            s.close();
            writer.get(60, TimeUnit.SECONDS);
            return status + "\n" + rest;
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413WithoutReadingTheBody() throws Exception {
        String answer = exchange(head("Content-Length: " + (Protocol.MAX_BODY_BYTES + 1L) + "\r\n"), 1024, false);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("BODY_TOO_LARGE");
        assertThat(f.count("received_message")).isZero();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() throws Exception {
        String answer = exchange(head("Transfer-Encoding: chunked\r\n"), Protocol.MAX_BODY_BYTES + 256L * 1024,
                true);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("BODY_TOO_LARGE");
        assertThat(f.count("received_message")).isZero();
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsUsual() throws Exception {
        String body = "{\"messages\": []}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        String answer = exchange(head("Transfer-Encoding: chunked\r\n") + chunked, 0, false);
        assertThat(answer).startsWith("HTTP/1.1 200");
    }
}
