package io.github.partnerattribution.azurecore;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import io.github.partnerattribution.test.ArmEmulator;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** The two azure-core HTTP clients the emulator offers (each trusting only its certificate), to run a test on each. */
enum ArmTestClients {
    NETTY(ArmEmulator::nettyHttpClient),
    OKHTTP(ArmEmulator::okHttpHttpClient);

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
        return arm.azureProfile(); // every endpoint a client could call points at the emulator: nothing leaves loopback
    }
}
