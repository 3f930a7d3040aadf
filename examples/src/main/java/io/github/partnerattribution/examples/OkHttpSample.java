package io.github.partnerattribution.examples;

// README: okhttp-imports
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.okhttp.PartnerAttributionInterceptor;
import okhttp3.OkHttpClient;
// README: end

/** README sample: an OkHttp client for the ARM REST API, every call attributed. */
final class OkHttpSample {
    private OkHttpSample() {
    }

    static OkHttpClient client() {
        // README: okhttp
        OkHttpClient client = PartnerAttributionInterceptor
                .create(Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d")))
                .addTo(new OkHttpClient.Builder())
                .build();
        // README: end
        return client;
    }
}
