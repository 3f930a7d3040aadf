package io.github.partnerattribution.azurecore;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import io.github.partnerattribution.test.ArmEmulator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import reactor.core.publisher.Mono;

/** The two azure-core HTTP clients, each trusting only the emulator's certificate; test code only. */
enum ArmTestClients {
    NETTY(arm -> {
        SslContext ssl;
        try {
            ssl = SslContextBuilder.forClient().trustManager(arm.trustManager()).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
        return new NettyAsyncHttpClientBuilder(
                reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl))).build();
    }),
    OKHTTP(arm -> new OkHttpAsyncHttpClientBuilder(new okhttp3.OkHttpClient.Builder()
            .sslSocketFactory(arm.sslContext().getSocketFactory(), arm.trustManager())
            .build()).build());

    static final TokenCredential CREDENTIAL =
            request -> Mono.just(new AccessToken("test-token", OffsetDateTime.now().plusHours(1)));
    /** Retries at once: the tests count attempts, they do not wait for them. */
    static final RetryOptions FAST_RETRIES = new RetryOptions(new ExponentialBackoffOptions()
            .setMaxRetries(3).setBaseDelay(Duration.ofMillis(1)).setMaxDelay(Duration.ofMillis(5)));

    private final Function<ArmEmulator, HttpClient> factory;

    ArmTestClients(Function<ArmEmulator, HttpClient> factory) {
        this.factory = factory;
    }

    HttpClient httpClient(ArmEmulator arm) {
        return factory.apply(arm);
    }

    /**
     * The emulator answers long-running operations with {@code Retry-After: 0}, for which azure-core falls back to
     * the client's default poll interval (seconds); shorten that the way the Azure SDK's own tests do.
     */
    static void pollWithoutWaiting() {
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(delay -> Duration.ofMillis(1));
    }

    static AzureProfile profile(ArmEmulator arm) {
        // Every endpoint a client could call points at the emulator: nothing leaves loopback.
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        for (String key : new String[] {"resourceManagerEndpointUrl", "managementEndpointUrl", "activeDirectoryEndpointUrl",
                "microsoftGraphResourceId", "activeDirectoryGraphResourceId", "activeDirectoryResourceId"}) {
            endpoints.put(key, arm.endpoint());
        }
        AzureEnvironment environment = new AzureEnvironment(endpoints);
        return new AzureProfile(ArmEmulator.DEFAULT_TENANT_ID, ArmEmulator.DEFAULT_SUBSCRIPTION_ID, environment);
    }
}
