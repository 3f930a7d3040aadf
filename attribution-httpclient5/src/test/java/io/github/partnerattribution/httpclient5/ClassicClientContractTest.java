package io.github.partnerattribution.httpclient5;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.test.ArmEmulator;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** The classic (blocking) client: {@code HttpClients.custom().addRequestInterceptorLast(...)}. */
class ClassicClientContractTest extends HttpClient5ContractTest {
    @Override
    @SuppressWarnings("deprecation") // the floor, 5.0, has only the socket-factory form
    protected Transport transport(Attribution attribution, ArmEmulator arm) {
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setSSLSocketFactory(new SSLConnectionSocketFactory(arm.sslContext())).build())
                .setRetryStrategy(RETRIES)
                .setUserAgent(CLIENT_USER_AGENT)
                .addRequestInterceptorLast(PartnerAttributionRequestInterceptor.create(attribution))
                .build();
        return (path, userAgent) -> {
            HttpGet get = new HttpGet(arm.endpoint() + path.substring(1));
            if (userAgent != null) {
                get.setHeader("User-Agent", userAgent);
            }
            try (CloseableHttpResponse response = client.execute(get)) {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            }
        };
    }
}
