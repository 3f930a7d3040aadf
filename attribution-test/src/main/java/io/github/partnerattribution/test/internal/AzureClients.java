package io.github.partnerattribution.test.internal;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK objects a client needs to talk to an ArmEmulator. Kept apart from ArmEmulator so that its Azure SDK
 * types are loaded only when these are asked for: the SDK is an optional dependency of this module. Not API.
 */
public final class AzureClients {
    /** The endpoints of the Azure environment a client uses, each pointed at the emulator. */
    private static final String[] ENDPOINTS = {"resourceManagerEndpointUrl", "managementEndpointUrl",
        "activeDirectoryEndpointUrl", "microsoftGraphResourceId", "activeDirectoryGraphResourceId",
        "activeDirectoryResourceId"};

    private AzureClients() {
    }

    /**
     * The error for a helper whose Azure SDK part is not on the class path: it names the artifact to add, for a
     * NoClassDefFoundError names only a class.
     */
    public static IllegalStateException missing(String helper, String artifact, String hint, NoClassDefFoundError cause) {
        return new IllegalStateException("ArmEmulator." + helper + " needs " + artifact + " on the class path ("
                + hint + "); missing class: " + cause.getMessage().replace('/', '.'), cause);
    }

    public static AzureProfile profile(String endpoint, String tenant, String subscription) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        for (String key : ENDPOINTS) {
            endpoints.put(key, endpoint);
        }
        return new AzureProfile(tenant, subscription, new AzureEnvironment(endpoints));
    }

    public static TokenCredential credential() {
        return request -> Mono.just(new AccessToken("arm-emulator-token", OffsetDateTime.now().plusHours(1)));
    }

    public static HttpClient netty(X509TrustManager trust) {
        SslContext ssl;
        try {
            ssl = SslContextBuilder.forClient().trustManager(trust).build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot build a Netty SSL context trusting the ArmEmulator", e);
        }
        return new NettyAsyncHttpClientBuilder(
                reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl))).build();
    }

    public static HttpClient okHttp(SSLContext context, X509TrustManager trust) {
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
                .sslSocketFactory(context.getSocketFactory(), trust).build();
        return new OkHttpAsyncHttpClientBuilder(client).build();
    }
}
