package io.github.partnerattribution.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.test.internal.ArmRouter;
import io.github.partnerattribution.test.internal.AzureClients;
import io.github.partnerattribution.test.internal.TokenRedaction;
import io.github.partnerattribution.test.internal.WireMockAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * An embedded stand-in for Azure Resource Manager, for integration tests that must not reach Azure: HTTPS on a
 * free loopback port, in-memory state for resource groups, template deployments (resource-group and subscription
 * scope, with their operations) and storage accounts (created as long-running operations), and a record of every
 * request. It answers as ARM does: ARM's JSON shapes, paging through {@code nextLink}, and ARM error bodies for
 * unknown routes, malformed JSON, a bad {@code api-version} or a missing bearer token.
 *
 * <p>azure-core's bearer-token policy refuses plain HTTP, so the emulator serves HTTPS with a self-signed
 * certificate for {@code 127.0.0.1} and {@code localhost}; {@link #sslContext()} and {@link #trustManager()} trust
 * exactly that certificate, for the test's HTTP client only.
 *
 * <pre>{@code
 * try (ArmEmulator arm = ArmEmulator.start()) {
 *     AzureResourceManager azure = clients.configure(AzureResourceManager.configure()
 *             .withHttpClient(arm.nettyHttpClient())).authenticate(arm.credential(), arm.azureProfile())
 *             .withDefaultSubscription();
 *     azure.resourceGroups().define("rg1").withRegion("westeurope").create();
 *     arm.assertEveryRequestCarries(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
 * }
 * }</pre>
 */
public final class ArmEmulator implements AutoCloseable {
    /** The subscription id tests use by default; any other is served too. */
    public static final String DEFAULT_SUBSCRIPTION_ID = "00000000-0000-0000-0000-00000000a11e";
    /** The tenant id tests use by default. */
    public static final String DEFAULT_TENANT_ID = "00000000-0000-0000-0000-0000000074e7";

    /** The password of {@link #trustStore()}. */
    public static final String TRUST_STORE_PASSWORD = "arm-emulator";

    private static final String KEYSTORE = "arm-emulator.p12";
    private static final char[] PASSWORD = TRUST_STORE_PASSWORD.toCharArray();

    static {
        WireMockAccess.install(emulator -> emulator.server);
    }

    private final WireMockServer server;
    private final ArmRouter router;
    /** The emulator's own folder, readable by its user alone: the certificate copy and WireMock's files. */
    private final Path folder;
    private final Path keystoreCopy;
    private final SSLContext sslContext;
    private final X509TrustManager trustManager;

    private ArmEmulator(int pageSize, int port) {
        this.router = new ArmRouter(pageSize);
        try {
            // a folder of its own (0700 on POSIX), the copy created in it 0600 and written in place: another local
            // user can neither read nor replace what a client is told to trust
            this.folder = Files.createTempDirectory("arm-emulator");
            this.keystoreCopy = folder.resolve(KEYSTORE);
            try (InputStream in = keystore();
                    java.io.OutputStream out = Files.newOutputStream(createPrivateFile(keystoreCopy),
                            java.nio.file.StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = keystore()) {
                trusted.load(in, PASSWORD);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            this.trustManager = (X509TrustManager) factory.getTrustManagers()[0];
            this.sslContext = SSLContext.getInstance("TLS");
            sslContext.init(null, new TrustManager[] {trustManager}, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the ArmEmulator's certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot prepare the ArmEmulator's certificate", e);
        }
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .httpsPort(port)
                .keystorePath(keystoreCopy.toString())
                .keystoreType("PKCS12")
                .keystorePassword(new String(PASSWORD))
                .keyManagerPassword(new String(PASSWORD))
                .usingFilesUnderDirectory(folder.toString())
                // the admin API answers no one over HTTP (this JVM drives WireMock directly), and no bearer token
                // is kept in full
                .adminAuthenticator(request -> false)
                .extensionScanningEnabled(false)
                .extensions(new TokenRedaction(), router));
    }

    /**
     * Starts an emulator on a free loopback port, listing 100 items a page.
     *
     * @return the running emulator; close it when done
     */
    public static ArmEmulator start() {
        return start(100);
    }

    /**
     * Starts an emulator that lists {@code pageSize} items a page, to exercise paging through {@code nextLink}.
     *
     * @param pageSize items per page of a list response, at least 1
     * @return the running emulator; close it when done
     */
    public static ArmEmulator start(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        return started(new ArmEmulator(pageSize, 0));
    }

    /**
     * Starts an emulator on the given loopback port, for clients in other processes that were told the port (as
     * {@code attribution emulator --port} does).
     *
     * @param port a port from 1 to 65535 that is free on 127.0.0.1
     * @return the running emulator; close it when done
     * @throws IllegalArgumentException when the port is out of range
     * @throws IllegalStateException when the port cannot be bound (in use, or not allowed), naming it
     */
    public static ArmEmulator startOnPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, was " + port);
        }
        try {
            return started(new ArmEmulator(100, port));
        } catch (Exception e) { // WireMock throws a bind failure as an undeclared ExecutionException
            throw new IllegalStateException("Cannot serve on 127.0.0.1:" + port + ": " + bindProblem(port, e)
                    + "; choose another port, or leave it out for a free one", e);
        }
    }

    /**
     * Why a port could not be served: in use, or not allowed. WireMock reports a failed bind only as "STOPPED", so the
     * port is tried once more with a plain socket, whose failure names the cause.
     */
    static String bindProblem(int port, Exception e) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException | SecurityException refused) {
            String m = String.valueOf(refused.getMessage());
            if (m.contains("in use")) {
                return "the port is in use (" + m + ")";
            }
            if (m.toLowerCase(Locale.ROOT).contains("permission denied") || refused instanceof SecurityException) {
                return "this user may not serve on it (" + m + "); ports below 1024 need privileges";
            }
            return m;
        }
        return String.valueOf(e.getMessage());
    }

    private static ArmEmulator started(ArmEmulator emulator) {
        try {
            emulator.server.start();
        } catch (Exception e) { // an undeclared ExecutionException too
            emulator.close(); // its folder and certificate go with it; the cause is the start's, not the stop's
            throw e;
        }
        emulator.routeEverythingElse();
        emulator.router.endpoint(emulator.endpoint());
        return emulator;
    }

    /**
     * The base URL to give a client as its Resource Manager endpoint.
     *
     * @return {@code https://127.0.0.1:<port>/}
     */
    public String endpoint() {
        return "https://127.0.0.1:" + server.httpsPort() + "/";
    }

    /** {@return the HTTPS port on 127.0.0.1} */
    public int port() {
        return server.httpsPort();
    }

    /**
     * An SSL context that trusts the emulator's certificate and nothing else, for the test's HTTP client.
     *
     * @return the SSL context
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * A trust manager that trusts the emulator's certificate and nothing else (OkHttp and Netty want one).
     *
     * @return the trust manager
     */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    /**
     * A PKCS12 file holding the emulator's certificate, for a client in another JVM:
     * {@code -Djavax.net.ssl.trustStore=<path> -Djavax.net.ssl.trustStoreType=PKCS12
     * -Djavax.net.ssl.trustStorePassword=arm-emulator}. It lives as long as the emulator.
     *
     * @return the file
     */
    public Path trustStore() {
        return keystoreCopy;
    }

    /**
     * Every request received since start or the last {@link #reset()}, in order of arrival.
     *
     * @return the requests, unmodifiable
     */
    public List<RecordedRequest> requests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        List<RecordedRequest> out = new ArrayList<>(events.size());
        for (ServeEvent event : events) {
            HttpHeader ua = event.getRequest().getHeaders().getHeader("User-Agent");
            out.add(new RecordedRequest(event.getRequest().getMethod().getName(), event.getRequest().getUrl(),
                    ua.isPresent() ? ua.values() : List.of(),
                    event.getResponse() == null ? 0 : event.getResponse().getStatus()));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Checks that at least one request arrived and that every one carried exactly one User-Agent header holding
     * the id's token exactly once, as its last word: where every integration of this project puts it. A request
     * whose User-Agent has another pid after ours fails (another layer appended its own id after ours).
     *
     * @param partnerId the id every request must carry
     * @throws AssertionError listing the offending requests (method, path, User-Agent)
     */
    public void assertEveryRequestCarries(PartnerId partnerId) {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            throw new AssertionError("No request reached the ArmEmulator at " + endpoint());
        }
        List<RecordedRequest> offending = all.stream()
                .filter(r -> r.userAgents().size() != 1 || !UserAgents.carriesExactlyOnce(r.userAgent(), partnerId)
                        || !endsWith(r.userAgent(), partnerId.token()))
                .collect(Collectors.toList());
        if (!offending.isEmpty()) {
            throw new AssertionError(offending.size() + " of " + all.size() + " requests to the ArmEmulator do not carry "
                    + partnerId + " exactly once, at the end of one User-Agent:" + list(offending));
        }
    }

    /**
     * Checks that at least one request arrived and that none carried a partner id: what a customer's opt-out
     * must produce.
     *
     * @throws AssertionError listing the offending requests
     */
    public void assertNoRequestCarriesAPartnerId() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            throw new AssertionError("No request reached the ArmEmulator at " + endpoint());
        }
        List<RecordedRequest> offending = all.stream()
                .filter(r -> r.userAgents().stream().anyMatch(ua -> !UserAgents.partnerIds(ua).isEmpty()))
                .collect(Collectors.toList());
        if (!offending.isEmpty()) {
            throw new AssertionError(offending.size() + " of " + all.size()
                    + " requests to the ArmEmulator carry a partner id:" + list(offending));
        }
    }

    /**
     * Answers the next {@code times} requests, whatever they are, with {@code status} and the given headers
     * instead of serving them: for testing retries ({@code 503}, or {@code 429} with {@code Retry-After: 0}).
     *
     * @param times how many requests
     * @param status the status to answer with
     * @param headers extra response headers
     */
    public void failNext(int times, int status, Map<String, String> headers) {
        router.failNext(times, status, Map.copyOf(headers));
    }

    /**
     * Sets how many items a page of a list response holds.
     *
     * @param size at least 1
     */
    public void pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + size);
        }
        router.pageSize(size);
    }

    /**
     * The deployments stored at a scope, as ARM would return them.
     *
     * @param scope {@code /subscriptions/<id>} or {@code /subscriptions/<id>/resourceGroups/<name>}
     * @return each deployment's JSON text, in creation order
     */
    public List<String> deployments(String scope) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : router.deploymentsAt(scope)) {
            out.add(d.toString());
        }
        return out;
    }

    /**
     * Forgets every request, every answer added through {@link #respond}, and all state: resource groups,
     * deployments, storage accounts and pending faults.
     */
    public void reset() {
        server.resetAll();
        server.setGlobalFixedDelay(0);
        routeEverythingElse();
        router.reset();
    }

    /** The catch-all stub, at the lowest priority, that hands every request no other stub matches to the router. */
    private void routeEverythingElse() {
        server.stubFor(any(anyUrl()).atPriority(Integer.MAX_VALUE)
                .willReturn(aResponse().withStatus(200).withTransformers(ArmRouter.NAME)));
    }

    /**
     * Answers requests for a route the emulator does not serve (or overrides one it does), ahead of its own
     * routing, until {@link #reset()}.
     *
     * <pre>{@code
     * arm.respond("GET", "/providers/Contoso.Billing/meters", 200, Map.of("Content-Type", "application/json"),
     *         "{\"value\": []}");
     * }</pre>
     *
     * @param method the HTTP method, such as {@code GET}
     * @param path the path, exactly, without the query
     * @param status the status to answer
     * @param headers the headers to answer with
     * @param body the body, UTF-8
     */
    public void respond(String method, String path, int status, Map<String, String> headers, String body) {
        com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withBody(body == null ? "" : body);
        headers.forEach(response::withHeader);
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.request(method.toUpperCase(java.util.Locale.ROOT),
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path)).willReturn(response));
    }

    /**
     * Makes every answer wait this long before it is sent, as a distant endpoint would (for benchmarks of
     * concurrent reads); {@link #reset()} sets it back to none.
     *
     * @param perResponse the added latency, zero for none
     */
    public void latency(java.time.Duration perResponse) {
        if (perResponse.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + perResponse);
        }
        server.setGlobalFixedDelay((int) Math.min(Integer.MAX_VALUE, perResponse.toMillis()));
    }

    /**
     * Azure's endpoints, every one pointed at this emulator, with its tenant and default subscription: what
     * {@code AzureResourceManager.authenticate(credential, profile)} and generated managers take. Needs
     * {@code azure-core-management} on the class path (any Azure resource manager library brings it).
     *
     * @return the profile
     */
    public com.azure.core.management.profile.AzureProfile azureProfile() {
        return AzureClients.profile(endpoint(), DEFAULT_TENANT_ID, DEFAULT_SUBSCRIPTION_ID);
    }

    /**
     * A credential that hands out a fixed token: the emulator asks for a bearer token, as ARM does (401 without
     * one), and accepts any.
     *
     * @return the credential
     */
    public com.azure.core.credential.TokenCredential credential() {
        return AzureClients.credential();
    }

    /**
     * The Azure SDK's default HTTP client (Netty), trusting this emulator's certificate only. This module brings
     * {@code azure-core-http-netty} for it.
     *
     * @return a new client
     * @throws IllegalStateException naming the missing artifact when {@code azure-core-http-netty} was excluded
     */
    public com.azure.core.http.HttpClient nettyHttpClient() {
        try {
            return AzureClients.netty(trustManager);
        } catch (NoClassDefFoundError missing) {
            throw AzureClients.missing("nettyHttpClient()", "com.azure:azure-core-http-netty",
                    "attribution-test brings it unless it is excluded; or use okHttpHttpClient() with"
                    + " com.azure:azure-core-http-okhttp", missing);
        }
    }

    /**
     * The Azure SDK's OkHttp client, trusting this emulator's certificate only. Needs
     * {@code com.azure:azure-core-http-okhttp} in the test's dependencies.
     *
     * @return a new client
     * @throws IllegalStateException naming the missing artifact when {@code azure-core-http-okhttp} is absent
     */
    public com.azure.core.http.HttpClient okHttpHttpClient() {
        try {
            return AzureClients.okHttp(sslContext, trustManager);
        } catch (NoClassDefFoundError missing) {
            throw AzureClients.missing("okHttpHttpClient()", "com.azure:azure-core-http-okhttp",
                    "or use nettyHttpClient()", missing);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (RuntimeException notRunning) {
            // a server that never started (its port taken) has nothing to stop
        } finally {
            try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException ignored) {
                // the OS cleans its temp folder up
            }
        }
    }

    /** A new file only its user may read and write (on POSIX; elsewhere the user's own temp folder guards it). */
    private static Path createPrivateFile(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }

    private static boolean endsWith(String userAgent, String token) {
        String trimmed = userAgent.trim();
        return trimmed.regionMatches(true, trimmed.length() - token.length(), token, 0, token.length());
    }

    private static String list(List<RecordedRequest> requests) {
        StringBuilder out = new StringBuilder();
        for (RecordedRequest r : requests) {
            out.append(System.lineSeparator()).append("  ").append(r.method()).append(' ').append(r.path())
                    .append("  User-Agent: ").append(r.userAgents().isEmpty() ? "(none)"
                            : r.userAgents().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ")));
        }
        return out.toString();
    }

    private static InputStream keystore() throws IOException {
        InputStream in = ArmEmulator.class.getResourceAsStream(KEYSTORE);
        if (in == null) {
            throw new IOException("Resource " + KEYSTORE + " is missing from the attribution-test jar");
        }
        return in;
    }
}
