package io.github.partnerattribution.javanethttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.AttributionContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The attribution contract through {@link AttributedHttpClient}: requests built without a thought for attribution,
 * sent through the wrapped client; redirects followed by the JDK's client, 503 retried by the caller.
 */
class AttributedHttpClientContractTest extends AttributionContract {
    @Override
    protected Transport transport(Attribution attribution, ArmEmulator arm) {
        HttpClient client = AttributedHttpClient.wrap(HttpClient.newBuilder().sslContext(arm.sslContext())
                .followRedirects(HttpClient.Redirect.NORMAL).build(), attribution);
        return (path, userAgent) -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(arm.endpoint() + path.substring(1)));
            if (userAgent != null) {
                builder.header("User-Agent", userAgent);
            }
            HttpRequest request = builder.build();
            int status = 0;
            for (int attempt = 1; attempt <= 3 && (status == 0 || status == 503); attempt++) {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            return status;
        };
    }

    @Test
    void everythingButTheUserAgentIsTheRequestsOwnAndAsyncSendsToo() throws Exception {
        HttpClient client = AttributedHttpClient.wrap(HttpClient.newBuilder().sslContext(ARM.emulator().sslContext())
                .connectTimeout(Duration.ofSeconds(7)).build(), Attribution.of(ID, Map.of(), Map.of()));
        assertEquals(Duration.ofSeconds(7), client.connectTimeout().orElseThrow(), "the wrapped client's settings");
        assertSame(client, AttributedHttpClient.wrap(client, ((AttributedHttpClient) client).attribution()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ARM.emulator().endpoint() + "subscriptions/"
                        + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourcegroups/rg1?api-version=2021-04-01"))
                .header("Authorization", "Bearer t").header("Content-Type", "application/json")
                .header("user-agent", "contoso/1").header("X-Trace", "a").header("X-Trace", "b")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"westeurope\"}")).build();
        HttpResponse<String> created = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get();
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("contoso/1 " + ID.token(), ARM.emulator().requests().get(0).userAgent());
        assertEquals(List.of("contoso/1"), request.headers().allValues("User-Agent"), "the caller's request is not changed");
        assertTrue(created.body().contains("\"westeurope\""), "the body was sent: " + created.body());
    }

    /** With a predicate, only the requests it accepts are attributed; the others go out as they were built. */
    @Test
    void onlyTheRequestsThePredicateAcceptsAreAttributed() throws Exception {
        HttpClient client = AttributedHttpClient.wrap(HttpClient.newBuilder().sslContext(ARM.emulator().sslContext())
                .build(), Attribution.of(ID, Map.of(), Map.of()), uri -> uri.getPath().endsWith("/attribute"));
        for (String path : List.of("attribute", "leave")) {
            client.send(HttpRequest.newBuilder(URI.create(ARM.emulator().endpoint() + path))
                    .header("User-Agent", "contoso/1").build(), HttpResponse.BodyHandlers.discarding());
        }
        assertEquals(List.of("contoso/1 " + ID.token(), "contoso/1"),
                ARM.emulator().requests().stream().map(r -> r.userAgent()).collect(java.util.stream.Collectors.toList()));
    }

    /**
     * On Java 21 and later, closing the wrapper closes the wrapped client (its lifecycle methods are not in the Java
     * 11 API the wrapper is compiled against, so they are reached by name); before 21 there is nothing to close.
     */
    @Test
    void closingTheWrapperClosesTheWrappedClientOnJava21AndLater() throws Exception {
        HttpClient inner = HttpClient.newBuilder().sslContext(ARM.emulator().sslContext()).build();
        HttpClient outer = AttributedHttpClient.wrap(inner, Attribution.of(ID, Map.of(), Map.of()));
        java.lang.reflect.Method isTerminated;
        try {
            isTerminated = HttpClient.class.getMethod("isTerminated");
        } catch (NoSuchMethodException beforeJava21) {
            assertEquals(false, ((AttributedHttpClient) outer).isTerminated());
            ((AttributedHttpClient) outer).close(); // nothing to close, and no failure
            return;
        }
        assertEquals(false, isTerminated.invoke(inner));
        HttpClient.class.getMethod("close").invoke(outer); // as try-with-resources calls it
        assertEquals(true, isTerminated.invoke(inner), "the wrapped client is closed");
        assertEquals(true, isTerminated.invoke(outer));
    }
}
