package io.github.partnerattribution.benchmarks;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.Region;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Mono;

/**
 * A real {@code AzureResourceManager} call (get a resource group) over HTTPS to the ArmEmulator on loopback, with
 * and without attribution; sampled per call, so that medians compare.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EndToEndBenchmark {
    private ArmEmulator arm;
    private AzureResourceManager plain;
    private AzureResourceManager attributed;

    @Setup
    public void setUp() throws Exception {
        arm = ArmEmulator.start();
        plain = client(Attribution.none());
        attributed = client(Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"),
                Collections.emptyMap(), Collections.emptyMap()));
        plain.resourceGroups().define("bench").withRegion(Region.EUROPE_WEST).create();
    }

    private AzureResourceManager client(Attribution attribution) throws Exception {
        var ssl = SslContextBuilder.forClient().trustManager(arm.trustManager()).build();
        HttpClient http = new NettyAsyncHttpClientBuilder(
                reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl))).build();
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", arm.endpoint());
        endpoints.put("managementEndpointUrl", arm.endpoint());
        TokenCredential token = request -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)));
        return AttributedClientFactory.create(attribution)
                .configure(AzureResourceManager.configure().withHttpClient(http))
                .authenticate(token, new AzureProfile(ArmEmulator.DEFAULT_TENANT_ID, ArmEmulator.DEFAULT_SUBSCRIPTION_ID,
                        new AzureEnvironment(endpoints)))
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID);
    }

    @TearDown
    public void tearDown() {
        arm.close();
    }

    @Benchmark
    public ResourceGroup a_withoutAttribution() {
        return plain.resourceGroups().getByName("bench");
    }

    @Benchmark
    public ResourceGroup b_withAttribution() {
        return attributed.resourceGroups().getByName("bench");
    }
}
