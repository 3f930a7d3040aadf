package io.github.partnerattribution.okhttp;

import okhttp3.OkHttpClient;

/** The contract with the interceptor as an application interceptor: once per call. */
class ApplicationInterceptorContractTest extends OkHttpContractTest {
    @Override
    OkHttpClient.Builder attach(OkHttpClient.Builder builder, PartnerAttributionInterceptor interceptor) {
        return interceptor.addTo(builder).addInterceptor(RETRY_503);
    }
}
