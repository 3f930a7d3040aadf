package io.github.partnerattribution.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.test.internal.WireMockAccess;
import io.github.partnerattribution.testkit.Load;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 50,000 calls from 64 threads through one shared attributed OkHttp client. */
class LoadTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final int REQUESTS = 50_000;
    static final int THREADS = 64;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net for a hung run, not a speed assertion
    void fiftyThousandCallsFromSixtyFourThreadsAreEachTaggedOnce() throws Exception {
        WireMockAccess.of(ARM.emulator()).stubFor(get(urlPathEqualTo("/load")).willReturn(aResponse().withStatus(200).withBody("ok")));
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(THREADS);
        OkHttpClient client = PartnerAttributionInterceptor.create(Attribution.of(ID, Map.of(), Map.of()))
                .addTo(new OkHttpClient.Builder())
                .dispatcher(dispatcher)
                // HTTP/1.1: with 64 streams on one HTTP/2 connection WireMock's Jetty refuses some (REFUSED_STREAM),
                // which OkHttp 4.0.0 surfaces; that is the server's limit, not attribution's.
                .protocols(java.util.Collections.singletonList(Protocol.HTTP_1_1))
                .connectionPool(new ConnectionPool(THREADS, 1, TimeUnit.MINUTES))
                .sslSocketFactory(ARM.emulator().sslContext().getSocketFactory(), ARM.emulator().trustManager())
                .build();
        Request request = new Request.Builder().url(ARM.emulator().endpoint() + "load")
                .header("User-Agent", "load-test/1.0").build();
        int ok = Load.run(THREADS, REQUESTS, () -> {
            try (Response response = client.newCall(request).execute()) {
                return response.code() == 200;
            }
        });
        assertEquals(REQUESTS, ok, "every call succeeded");
        ARM.emulator().assertEveryRequestCarries(ID);
    }
}
