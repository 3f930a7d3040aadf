package io.github.partnerattribution.cli;

import static io.github.partnerattribution.cli.CliProcessIT.ID;
import static io.github.partnerattribution.cli.CliProcessIT.java;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.cli.CliProcessIT.Result;
import io.github.partnerattribution.test.ArmEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code pal} and {@code verify} as real processes against an endpoint on loopback that misbehaves below HTTP's
 * surface (a redirect, an error, broken chunking, a body that drips or never ends): every run ends by itself, within
 * its bounds, with a plain message and exit 2, never as "internal error".
 */
class HostileEndpointIT {
    /** What the endpoint does with one request: writes raw bytes on the connection. */
    interface Behaviour {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    static ArmEmulator certificate;
    static List<String> trust;

    @BeforeAll
    static void theEmulatorsCertificate() {
        certificate = ArmEmulator.start(); // only for its key pair and trust store
        trust = CliProcessIT.trusting(certificate);
    }

    @AfterAll
    static void close() {
        certificate.close();
    }

    /** A TLS endpoint on loopback that answers every request with {@code behaviour}; counts the requests. */
    static final class Endpoint implements AutoCloseable {
        final SSLServerSocket server;
        final AtomicInteger requests = new AtomicInteger();
        final Thread acceptor;

        Endpoint(Behaviour behaviour) throws Exception {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(certificate.trustStore())) {
                keys.load(in, ArmEmulator.TRUST_STORE_PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, ArmEmulator.TRUST_STORE_PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        Thread connection = new Thread(() -> serve(socket, behaviour));
                        connection.setDaemon(true);
                        connection.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        void serve(Socket socket, Behaviour behaviour) {
            try (Socket s = socket) {
                InputStream in = s.getInputStream();
                while (readHead(in)) {
                    requests.incrementAndGet();
                    behaviour.answer(s.getOutputStream());
                    s.getOutputStream().flush();
                }
            } catch (IOException | InterruptedException gone) {
                // the client went away
            }
        }

        /** Reads a request's head (the tools send no body on GET); false at the end of the connection. */
        static boolean readHead(InputStream in) throws IOException {
            int matched = 0;
            int c;
            while ((c = in.read()) >= 0) {
                matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : 0;
                if (matched == 4) {
                    return true;
                }
            }
            return false;
        }

        String url() {
            return "https://127.0.0.1:" + server.getLocalPort() + "/";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    static Result pal(Endpoint endpoint, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("pal", "show", "--endpoint", endpoint.url()));
        args.addAll(List.of(more));
        return java(trust, Map.of("AZURE_ACCESS_TOKEN", "test-token"), args.toArray(new String[0]));
    }

    static void assertPlainEndpointFailure(Result r, String expected) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertTrue(r.err().contains(expected), r.err());
        // One line of error; a slow machine may add the command's progress lines before it, which say nothing wrong.
        assertEquals(1, r.err().lines().filter(line -> !PROGRESS.matcher(line).matches()).count(), r.err());
    }

    /** What a long call prints every few seconds on stderr (EndpointCalls). */
    static final java.util.regex.Pattern PROGRESS =
            java.util.regex.Pattern.compile("[a-z]+: still reading, \\d+ requests? so far");

    @Test
    void aRedirectIsTheEndpointsAnswerNotOurCrash() throws Exception {
        try (Endpoint endpoint = new Endpoint(out -> write(out, "HTTP/1.1 307 Temporary Redirect\r\nLocation:"
                + " https://elsewhere.example/\r\nContent-Length: 0\r\n\r\n"))) {
            assertPlainEndpointFailure(pal(endpoint), "attribution: the ARM endpoint answered 307 to GET"
                    + " /providers/Microsoft.ManagementPartner/partners: the endpoint answered 307 (a redirect, which"
                    + " this tool does not follow: check --endpoint)");
            assertEquals(1, endpoint.requests.get());
        }
    }

    @Test
    void aBadRequestNamesTheServicesErrorEscaped() throws Exception {
        String body = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"no \\u001b[31mway\"}}";
        try (Endpoint endpoint = new Endpoint(out -> write(out, "HTTP/1.1 400 Bad Request\r\nContent-Type:"
                + " application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body))) {
            Result r = pal(endpoint);
            assertPlainEndpointFailure(r, "the ARM endpoint answered 400 to GET /providers/Microsoft.ManagementPartner/"
                    + "partners: the endpoint answered 400 \"BadRequest\"");
            assertFalse(r.err().contains("\u001b"), r.err());
        }
    }

    @Test
    void malformedChunkingIsAnAnswerThatCannotBeRead() throws Exception {
        try (Endpoint endpoint = new Endpoint(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz-not-a-size\r\n{}\r\n"))) {
            Result r = pal(endpoint, "--timeout", "30");
            assertEquals(2, r.exit(), r.out() + r.err());
            assertFalse(r.err().contains("internal error"), r.err());
            assertTrue(r.err().startsWith("attribution: cannot reach the endpoint or read its answer")
                    || r.err().startsWith("attribution: the endpoint's answer could not be read"), r.err());
        }
    }

    @Test
    void unavailableAfterRetriesIsReportedAsTheEndpointsAnswer() throws Exception {
        try (Endpoint endpoint = new Endpoint(out -> write(out, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\n"
                + "Content-Length: 0\r\n\r\n"))) {
            assertPlainEndpointFailure(pal(endpoint), "the ARM endpoint answered 503 to GET");
            assertEquals(4, endpoint.requests.get(), "the first try and the SDK's three retries");
        }
    }

    /** One byte every half second: the transport's idle timeout never fires, the overall deadline does. */
    @Test
    void aDrippingEndpointEndsAtTheDeadline() throws Exception {
        try (Endpoint endpoint = new Endpoint(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
            for (int i = 0; i < 240; i++) { // two minutes at most, then the endpoint gives up itself
                out.write(' ');
                out.flush();
                TimeUnit.MILLISECONDS.sleep(500);
            }
        })) {
            assertPlainEndpointFailure(pal(endpoint, "--timeout", "3"),
                    "attribution: pal stopped: no answer within 3 s (--timeout)");
        }
    }

    /** A declared 200 MB body is refused by its size once: not retried, and nothing of it is kept. */
    @Test
    void aBodyDeclaredTooLargeIsRefusedOnceAndNotRetried() throws Exception {
        try (Endpoint endpoint = new Endpoint(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 209715200\r\n\r\n");
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 16; i++) { // 1 MiB, then the connection stays open
                out.write(chunk);
            }
            out.flush();
            TimeUnit.SECONDS.sleep(60);
        })) {
            Result r = java(trust, Map.of("AZURE_ACCESS_TOKEN", "test-token"), "verify", "--subscription",
                    ArmEmulator.DEFAULT_SUBSCRIPTION_ID, "--pid", ID.guid(), "--endpoint", endpoint.url(),
                    "--timeout", "60");
            assertPlainEndpointFailure(r, "attribution: verify stopped: the endpoint's answer is 209715200 bytes long,"
                    + " over the limit of 33554432 bytes for one response");
            assertEquals(1, endpoint.requests.get(), "asked once");
        }
    }
}
