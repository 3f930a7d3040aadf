package io.github.partnerattribution.examples;

// README: httpclient5-imports
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.httpclient5.PartnerAttributionRequestInterceptor;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
// README: end

/** README sample: Apache HttpClient 5 clients, classic and async, every request attributed. */
final class HttpClient5Sample {
    private HttpClient5Sample() {
    }

    static Object[] clients() {
        // README: httpclient5
        PartnerAttributionRequestInterceptor attribution = PartnerAttributionRequestInterceptor.create(
                Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d")));
        CloseableHttpClient client = HttpClients.custom().addRequestInterceptorLast(attribution).build();
        CloseableHttpAsyncClient async = HttpAsyncClients.custom().addRequestInterceptorLast(attribution).build();
        // README: end
        return new Object[] {client, async};
    }
}
