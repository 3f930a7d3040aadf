package io.github.partnerattribution.httpclient5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.partnerattribution.test.AttributionContract;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;

/**
 * The attribution contract through {@link PartnerAttributionRequestInterceptor}, added last to a client whose own
 * User-Agent is {@value #CLIENT_USER_AGENT}; 503 retried by HttpClient's own strategy, up to 3 attempts.
 */
abstract class HttpClient5ContractTest extends AttributionContract {
    static final String CLIENT_USER_AGENT = "contoso-client/1.0";
    /** 2 retries (3 attempts), 1 ms apart: the contract's 503 rule. */
    static final org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy RETRIES =
            new org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy(2, TimeValue.ofMilliseconds(1));

    /** HttpClient's protocol interceptors give a request without one the client's User-Agent; ours goes behind it. */
    @Override
    protected String userAgentWhenNoneIsSent() {
        return CLIENT_USER_AGENT + " " + ID.token();
    }

    /** The HttpClient version this surefire run means to test: the floor in one run, the newest 5.x in the other. */
    static final String HTTPCLIENT_VERSION = System.getProperty("expected.httpclient5.version");

    /** This run's HttpClient is the one the build meant, judged by the jar it was loaded from. */
    @Test
    void runsOnTheIntendedHttpClientVersion() {
        String jar = HttpClients.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertEquals("httpclient5-" + HTTPCLIENT_VERSION + ".jar", jar.substring(jar.lastIndexOf('/') + 1), jar);
    }
}
