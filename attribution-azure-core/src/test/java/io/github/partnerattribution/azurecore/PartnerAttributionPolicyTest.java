package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Configuration;
import com.azure.core.util.Context;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.testkit.CannedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The policy inside a real azure-core pipeline, in front of an in-memory transport that records each attempt. */
@org.junit.jupiter.api.Tag("azure-core-only")
class PartnerAttributionPolicyTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final Attribution ATTRIBUTION = Attribution.of(ID, Map.of(), Map.of());
    static final RetryOptions FAST = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(3)
            .setBaseDelay(Duration.ofMillis(1)).setMaxDelay(Duration.ofMillis(2)));

    /** Answers each attempt with the next status, recording the User-Agent it carried. */
    static final class RecordingClient implements HttpClient {
        final List<String> userAgents = Collections.synchronizedList(new ArrayList<>());
        final int[] statuses;
        final AtomicInteger attempt = new AtomicInteger();

        RecordingClient(int... statuses) {
            this.statuses = statuses.length == 0 ? new int[] {200} : statuses;
        }

        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            return Mono.fromCallable(() -> sendSync(request, Context.NONE));
        }

        @Override
        public HttpResponse sendSync(HttpRequest request, Context context) {
            userAgents.add(request.getHeaders().getValue(HttpHeaderName.USER_AGENT));
            int status = statuses[Math.min(attempt.getAndIncrement(), statuses.length - 1)];
            return new CannedResponse(request, status);
        }
    }

    static HttpPipeline pipeline(HttpClient client, HttpPipelinePolicy... policies) {
        return new HttpPipelineBuilder().httpClient(client).policies(policies).build();
    }

    static UserAgentPolicy sdkUserAgent() {
        return new UserAgentPolicy(null, "azure-example", "1.2.3", Configuration.NONE);
    }

    static HttpRequest get() {
        return new HttpRequest(HttpMethod.GET, "https://127.0.0.1/subscriptions/s/resourcegroups?api-version=2021-04-01");
    }

    @Test
    void syncSendAppendsTheTokenBehindTheSdkUserAgent() {
        RecordingClient client = new RecordingClient();
        pipeline(client, sdkUserAgent(), PartnerAttributionPolicy.create(ATTRIBUTION)).sendSync(get(), Context.NONE).close();
        String ua = client.userAgents.get(0);
        assertTrue(ua.startsWith("azsdk-java-azure-example/1.2.3 ("), ua);
        assertTrue(ua.endsWith(") " + ID.token()), ua);
        assertTrue(UserAgents.carriesExactlyOnce(ua, ID), ua);
    }

    @Test
    void asyncSendAppendsTheTokenBehindTheSdkUserAgent() {
        RecordingClient client = new RecordingClient();
        pipeline(client, sdkUserAgent(), PartnerAttributionPolicy.create(ATTRIBUTION)).send(get()).block().close();
        assertTrue(client.userAgents.get(0).endsWith(") " + ID.token()), client.userAgents.get(0));
    }

    @Test
    void everyRetryAttemptCarriesTheTokenOnceOnBothPaths() {
        RecordingClient sync = new RecordingClient(503, 429, 200);
        pipeline(sync, sdkUserAgent(), PartnerAttributionPolicy.create(ATTRIBUTION), new RetryPolicy(FAST))
                .sendSync(get(), Context.NONE).close();
        RecordingClient async = new RecordingClient(503, 503, 200);
        pipeline(async, sdkUserAgent(), PartnerAttributionPolicy.create(ATTRIBUTION), new RetryPolicy(FAST))
                .send(get()).block().close();
        for (RecordingClient client : List.of(sync, async)) {
            assertEquals(3, client.userAgents.size());
            client.userAgents.forEach(ua -> assertTrue(UserAgents.carriesExactlyOnce(ua, ID), ua));
        }
    }

    @Test
    void twoLayersOfTaggingNeverDuplicate() {
        RecordingClient client = new RecordingClient();
        pipeline(client, sdkUserAgent(), PartnerAttributionPolicy.create(ATTRIBUTION),
                PartnerAttributionPolicy.create(Attribution.of(PartnerId.parse(ID.guid().toUpperCase(Locale.ROOT)),
                        Map.of(), Map.of()))).sendSync(get(), Context.NONE).close();
        assertTrue(UserAgents.carriesExactlyOnce(client.userAgents.get(0), ID), client.userAgents.get(0));
    }

    @Test
    void aRequestWithoutUserAgentGetsTheTokenAlone() {
        RecordingClient client = new RecordingClient();
        pipeline(client, PartnerAttributionPolicy.create(ATTRIBUTION)).sendSync(get(), Context.NONE).close();
        assertEquals(ID.token(), client.userAgents.get(0));
    }

    @Test
    void theOptOutLeavesTheRequestUntouched() {
        RecordingClient client = new RecordingClient();
        Attribution optedOut = Attribution.of(ID, Map.of(Attribution.DISABLED_PROPERTY, "true"), Map.of());
        pipeline(client, PartnerAttributionPolicy.create(optedOut)).sendSync(get(), Context.NONE).close();
        assertNull(client.userAgents.get(0));
    }

    @Test
    void runsPerCall() {
        assertEquals(HttpPipelinePosition.PER_CALL, PartnerAttributionPolicy.create(ATTRIBUTION).getPipelinePosition());
    }

    @Test
    void computesTheAttributedValueOncePerDistinctUserAgent() {
        PartnerAttributionPolicy policy = PartnerAttributionPolicy.create(ATTRIBUTION);
        String sdk = "azsdk-java-azure-example/1.2.3";
        String first = policy.attributed(sdk);
        assertSame(first, policy.attributed(sdk), "same input instance: the cached value");
        assertSame(first, policy.attributed(new String(sdk)), "equal input: the cached value");
        String already = sdk + " " + ID.token();
        assertSame(already, policy.attributed(already), "nothing to add: the input itself, no copy");
        assertSame(already, policy.attributed(already));
    }

    @Test
    void keepsOtherHeadersAndAnExistingDifferentPid() {
        RecordingClient client = new RecordingClient();
        HttpRequest request = get().setHeaders(new HttpHeaders().set(HttpHeaderName.USER_AGENT, "tool/1 pid-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
                .set(HttpHeaderName.fromString("x-ms-client-request-id"), "abc"));
        pipeline(client, PartnerAttributionPolicy.create(ATTRIBUTION)).sendSync(request, Context.NONE).close();
        assertEquals("tool/1 pid-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a " + ID.token(), client.userAgents.get(0));
        assertEquals("abc", request.getHeaders().getValue(HttpHeaderName.fromString("x-ms-client-request-id")));
    }
}
