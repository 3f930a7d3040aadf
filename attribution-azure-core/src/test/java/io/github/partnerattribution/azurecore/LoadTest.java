package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.Region;
import com.azure.core.util.Configuration;
import com.azure.core.util.Context;
import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.testkit.CannedResponse;
import io.github.partnerattribution.testkit.Load;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** 50,000 requests from 64 threads through one shared attributed AzureResourceManager; memory stays flat. */
class LoadTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final int REQUESTS = 50_000;
    static final int THREADS = 64;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net for a hung run, not a speed assertion
    void fiftyThousandRequestsFromSixtyFourThreadsAreEachTaggedOnce() throws Exception {
        AzureResourceManager azure = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()))
                .configure(AzureResourceManager.configure().withHttpClient(ArmTestClients.NETTY.httpClient(ARM.emulator())))
                .authenticate(ArmTestClients.CREDENTIAL, ArmTestClients.profile(ARM.emulator()))
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID);
        azure.resourceGroups().define("load").withRegion(Region.EUROPE_WEST).create();
        ARM.emulator().reset();
        azure.resourceGroups().define("load").withRegion(Region.EUROPE_WEST).create();

        int ok = Load.run(THREADS, REQUESTS, () -> azure.resourceGroups().getByName("load") != null);
        assertEquals(REQUESTS, ok, "every request succeeded");
        var requests = ARM.emulator().requests();
        assertEquals(REQUESTS + 1, requests.size());
        ARM.emulator().assertEveryRequestCarries(ID);
    }

    /**
     * 200,000 requests with 1,000 different User-Agents through one attributed pipeline whose transport answers from
     * memory: the live heap does not grow with them (no cache keyed by request or by User-Agent). A cache with an entry
     * per request would hold at least 200,000 x 48 bytes, about 10 MB.
     */
    @Test
    void theClientsMemoryDoesNotGrowPerRequest() {
        HttpClient memory = new HttpClient() {
            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                return Mono.just(new CannedResponse(request, 200));
            }

            @Override
            public HttpResponse sendSync(HttpRequest request, Context context) {
                return new CannedResponse(request, 200);
            }
        };
        PartnerAttributionPolicy policy = PartnerAttributionPolicy.create(Attribution.of(ID, Map.of(), Map.of()));
        HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(memory)
                .policies(new UserAgentPolicy(null, "load", "1.0", Configuration.NONE), policy).build();
        String[] agents = new String[1000];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = "client-" + i + "/1.0";
        }
        send(pipeline, agents, 20_000);
        long before = liveHeap();
        send(pipeline, agents, 200_000);
        long after = liveHeap();
        assertTrue(after - before < 4 * 1024 * 1024, "live heap grew by " + (after - before) + " bytes");
    }

    private static void send(HttpPipeline pipeline, String[] agents, int count) {
        for (int i = 0; i < count; i++) {
            HttpRequest request = new HttpRequest(HttpMethod.GET, "https://127.0.0.1/x");
            request.setHeader(HttpHeaderName.USER_AGENT, agents[i % agents.length]);
            try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
                String ua = response.getRequest().getHeaders().getValue(HttpHeaderName.USER_AGENT);
                if (!UserAgents.carriesExactlyOnce(ua, ID)) {
                    throw new AssertionError(ua);
                }
            }
        }
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
