package io.github.partnerattribution.okhttp;

import okhttp3.OkHttpClient;

/** The contract with the interceptor as a network interceptor: once per attempt and redirect hop. */
class NetworkInterceptorContractTest extends OkHttpContractTest {
    @Override
    OkHttpClient.Builder attach(OkHttpClient.Builder builder, PartnerAttributionInterceptor interceptor) {
        return builder.addInterceptor(RETRY_503).addNetworkInterceptor(interceptor);
    }

    /** OkHttp sets its own User-Agent before network interceptors run. */
    @Override
    protected String userAgentWhenNoneIsSent() {
        return "okhttp/" + OKHTTP_VERSION + " " + ID.token();
    }
}
