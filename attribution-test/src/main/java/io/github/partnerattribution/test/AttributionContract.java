package io.github.partnerattribution.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.test.internal.WireMockAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attribution contract every transport must keep, written once: extend it with one small class that says how
 * the transport sends a request, and every rule runs against it over real HTTP on loopback.
 *
 * <ul>
 *   <li>the token is present exactly once, last, after the original User-Agent, which is unchanged;</li>
 *   <li>a request with no User-Agent gets the token alone (or behind the value the transport itself adds);</li>
 *   <li>a request that already has the same token, in any case, is not changed;</li>
 *   <li>a request with a different pid keeps it and gets ours too;</li>
 *   <li>the customer's opt-out leaves every request untouched;</li>
 *   <li>3 attempts caused by 503 responses each carry the token once, and so does a 307 redirect;</li>
 *   <li>200 concurrent requests from 16 threads through one shared client all carry it exactly once;</li>
 *   <li>whatever {@code AZURE_HTTP_USER_AGENT} holds (non-ASCII, a no-break space, control characters, CR/LF, 100 KB),
 *       the request is sent, with a valid header value (visible ASCII, space, tab) and the token once, last.</li>
 * </ul>
 *
 * <pre>{@code
 * class MyTransportContractTest extends AttributionContract {
 *     protected Transport transport(Attribution attribution, ArmEmulator arm) {
 *         MyClient client = ... trusts arm.sslContext(), retries 503 up to 3 attempts, follows redirects ...;
 *         return (path, userAgent) -> client.get(arm.endpoint() + path.substring(1), userAgent).status();
 *     }
 * }
 * }</pre>
 */
public abstract class AttributionContract {
    /** The emulator every contract test talks to; its stubs for the contract's paths are added before each test. */
    @RegisterExtension
    protected static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();

    /** For a transport's subclass. */
    protected AttributionContract() {
    }

    /** The id the contract attributes to. */
    protected static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    /** A pid that belongs to someone else. */
    protected static final PartnerId OTHER = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    /** The User-Agent the contract's requests start with. */
    protected static final String ORIGINAL = "contract-client/1.0 (Java; test)";

    /** One logical call through the transport under test. */
    @FunctionalInterface
    public interface Transport {
        /**
         * Sends {@code GET path} with the given User-Agent, retrying 503 answers up to 3 attempts in all and
         * following redirects, as the transport is configured to.
         *
         * @param path a path on the emulator, starting with {@code /}
         * @param userAgent the User-Agent to send, or null to send none
         * @return the final status
         * @throws Exception when the call fails
         */
        int get(String path, String userAgent) throws Exception;
    }

    /**
     * The transport under test, attributing with the given configuration, talking to the emulator. One client per
     * call of this method; the contract shares it between threads where it says so.
     *
     * @param attribution what to attribute
     * @param arm the emulator, with {@link ArmEmulator#sslContext()} to trust
     * @return the transport
     * @throws Exception when it cannot be built
     */
    protected abstract Transport transport(Attribution attribution, ArmEmulator arm) throws Exception;

    /**
     * What a request sent without a User-Agent arrives with. The token alone, unless the transport adds a value
     * of its own before attribution runs (as OkHttp does for network interceptors).
     *
     * @return the expected User-Agent
     */
    protected String userAgentWhenNoneIsSent() {
        return ID.token();
    }

    private Transport attributed() throws Exception {
        return transport(Attribution.of(ID, Map.of(), Map.of()), ARM.emulator());
    }

    private static ArmEmulator arm() {
        return ARM.emulator();
    }

    @BeforeEach
    void stubTheContractsPaths() {
        WireMockAccess.of(arm()).stubFor(get(urlPathEqualTo("/contract/ok")).willReturn(aResponse().withStatus(200).withBody("ok")));
        WireMockAccess.of(arm()).stubFor(get(urlPathEqualTo("/contract/redirect"))
                .willReturn(aResponse().withStatus(307).withHeader("Location", arm().endpoint() + "contract/ok")));
        WireMockAccess.of(arm()).stubFor(get(urlPathEqualTo("/contract/flaky")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willSetStateTo("failed once").willReturn(aResponse().withStatus(503)));
        WireMockAccess.of(arm()).stubFor(get(urlPathEqualTo("/contract/flaky")).inScenario("flaky").whenScenarioStateIs("failed once")
                .willSetStateTo("failed twice").willReturn(aResponse().withStatus(503)));
        WireMockAccess.of(arm()).stubFor(get(urlPathEqualTo("/contract/flaky")).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    private static List<String> userAgentsOf(String path) {
        return arm().requests().stream().filter(r -> r.path().startsWith(path)).map(RecordedRequest::userAgent)
                .collect(Collectors.toList());
    }

    @Test
    void theTokenComesOnceAndLastBehindTheUnchangedOriginal() throws Exception {
        assertEquals(200, attributed().get("/contract/ok", ORIGINAL));
        assertEquals(List.of(ORIGINAL + " " + ID.token()), userAgentsOf("/contract/ok"));
        arm().assertEveryRequestCarries(ID);
    }

    @Test
    void aRequestWithoutUserAgentGetsTheTokenAlone() throws Exception {
        assertEquals(200, attributed().get("/contract/ok", null));
        assertEquals(List.of(userAgentWhenNoneIsSent()), userAgentsOf("/contract/ok"));
    }

    @Test
    void theSameTokenInAnyCaseIsNotAddedAgain() throws Exception {
        String already = ORIGINAL + " " + ID.token().toUpperCase(Locale.ROOT);
        attributed().get("/contract/ok", already);
        assertEquals(List.of(already), userAgentsOf("/contract/ok"));
    }

    @Test
    void aDifferentPidIsKeptAndOursIsAdded() throws Exception {
        attributed().get("/contract/ok", ORIGINAL + " " + OTHER.token());
        assertEquals(List.of(ORIGINAL + " " + OTHER.token() + " " + ID.token()), userAgentsOf("/contract/ok"));
    }

    @Test
    void theOptOutLeavesEveryRequestUntouched() throws Exception {
        Transport optedOut = transport(Attribution.of(ID, Map.of(), Map.of(Attribution.DISABLED_VARIABLE, "true")), arm());
        optedOut.get("/contract/ok", ORIGINAL);
        optedOut.get("/contract/flaky", ORIGINAL);
        optedOut.get("/contract/redirect", ORIGINAL);
        assertEquals(6, arm().requests().size(), arm().requests().toString());
        arm().requests().forEach(r -> assertEquals(ORIGINAL, r.userAgent(), r.toString()));
    }

    @Test
    void everyAttemptAfter503CarriesTheTokenOnce() throws Exception {
        assertEquals(200, attributed().get("/contract/flaky", ORIGINAL));
        List<RecordedRequest> attempts = arm().requests();
        assertEquals(List.of(503, 503, 200), attempts.stream().map(RecordedRequest::status).collect(Collectors.toList()));
        attempts.forEach(r -> assertEquals(ORIGINAL + " " + ID.token(), r.userAgent(), r.toString()));
    }

    @Test
    void aRedirectCarriesTheTokenOnce() throws Exception {
        assertEquals(200, attributed().get("/contract/redirect", ORIGINAL));
        List<RecordedRequest> hops = arm().requests();
        assertEquals(List.of("/contract/redirect", "/contract/ok"),
                hops.stream().map(RecordedRequest::path).collect(Collectors.toList()));
        hops.forEach(r -> assertEquals(ORIGINAL + " " + ID.token(), r.userAgent(), r.toString()));
    }

    @Test
    void twoHundredConcurrentRequestsFromSixteenThreadsAllCarryItOnce() throws Exception {
        Transport shared = attributed();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String ua = i % 2 == 0 ? ORIGINAL : "contract-client/" + i;
                calls.add(() -> shared.get("/contract/ok", ua));
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<RecordedRequest> requests = arm().requests();
        // A transport may re-send a request on a fresh connection by itself (OkHttp's retryOnConnectionFailure
        // does, under HTTP/2 load): every request that reached the server counts, and each must be tagged once.
        assertTrue(requests.size() >= 200, "only " + requests.size() + " of 200 requests arrived");
        arm().assertEveryRequestCarries(ID);
        assertTrue(requests.stream().allMatch(r -> r.userAgent().endsWith(" " + ID.token())
                && UserAgents.partnerIds(r.userAgent()).size() == 1), requests.toString());
    }

    /** Values of {@code AZURE_HTTP_USER_AGENT} no transport may throw for or send as they are. */
    static List<String> hostileEnvironmentValues() {
        return List.of("caf\u00e9/1.0", "ci\u00a0runner", "x\r\nX-Injected: 1", "bell\u0007esc\u001b[2J", "\u200bzero-width",
                "rocket\uD83D\uDE80", "pid-eb7927c8-dd66-43e1-b0cf-c346a422063", "y".repeat(100_000));
    }

    @ParameterizedTest
    @MethodSource("hostileEnvironmentValues")
    void anyAzureHttpUserAgentGivesAValidHeaderAndTheTokenOnce(String value) throws Exception {
        Transport transport = transport(Attribution.of(ID, Map.of(), Map.of(Attribution.USER_AGENT_VARIABLE, value)), arm());
        assertEquals(200, transport.get("/contract/ok", ORIGINAL));
        List<RecordedRequest> requests = arm().requests();
        assertEquals(1, requests.size(), requests.toString());
        String ua = requests.get(0).userAgent();
        assertTrue(ua.startsWith(ORIGINAL + " "), ua);
        assertTrue(ua.endsWith(" " + ID.token()), ua);
        assertTrue(ua.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '\t'), "not a valid header value: " + ua);
        assertTrue(ua.length() <= ORIGINAL.length() + Attribution.MAX_EXTRA_LENGTH + 2 + ID.token().length(),
                "the environment's text is bounded: " + ua.length());
        assertEquals(List.of(ID), UserAgents.partnerIds(ua), ua);
    }
}
