package io.github.partnerattribution.httpclient5;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.test.ArmEmulator;
import java.net.URI;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;

/** The async client: {@code HttpAsyncClients.custom().addRequestInterceptorLast(...)}. */
class AsyncClientContractTest extends HttpClient5ContractTest {
    @Override
    protected Transport transport(Attribution attribution, ArmEmulator arm) {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(arm.sslContext()).build()).build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1) // the emulator's server speaks HTTP/1.1 here
                .setRetryStrategy(RETRIES)
                .setUserAgent(CLIENT_USER_AGENT)
                .addRequestInterceptorLast(PartnerAttributionRequestInterceptor.create(attribution))
                .build();
        client.start();
        return (path, userAgent) -> {
            SimpleHttpRequest get = new SimpleHttpRequest("GET", URI.create(arm.endpoint() + path.substring(1)));
            if (userAgent != null) {
                get.setHeader("User-Agent", userAgent);
            }
            SimpleHttpResponse response = client.execute(get, null).get();
            return response.getCode();
        };
    }
}
