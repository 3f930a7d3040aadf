package io.github.partnerattribution.httpclient5;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.core.support.SettingsReport;
import io.github.partnerattribution.core.support.UserAgentMemo;
import java.util.logging.Logger;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * An Apache HttpClient 5 request interceptor that appends the partner's {@code pid-<guid>} token to the User-Agent
 * of every request, for code that calls the Azure Resource Manager REST API directly, with the classic or the async
 * client. It follows {@link UserAgents}' rules: at the end, once, the rest of the value kept.
 *
 * <p>Add it last ({@code addRequestInterceptorLast}): HttpClient's own protocol interceptors have then set the
 * client's User-Agent (its default {@code Apache-HttpClient/<version>} or the one given to
 * {@code setUserAgent}), and the token goes behind it. It runs for every attempt and every redirect hop, and never
 * adds the token twice. A request that holds several User-Agent headers leaves with one: the first, attributed (the
 * others are dropped, so no second partner's id can follow ours). The value written is always a valid header value
 * (visible ASCII, space, tab), whatever {@code AZURE_HTTP_USER_AGENT} holds, and the interceptor never throws for
 * it. Doubtful settings and an opt-out in force are logged once per JVM through {@code java.util.logging}.
 *
 * <pre>{@code
 * PartnerAttributionRequestInterceptor attribution = PartnerAttributionRequestInterceptor.create(
 *         Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d")));
 * CloseableHttpClient client = HttpClients.custom().addRequestInterceptorLast(attribution).build();
 * CloseableHttpAsyncClient async = HttpAsyncClients.custom().addRequestInterceptorLast(attribution).build();
 * }</pre>
 */
public final class PartnerAttributionRequestInterceptor implements HttpRequestInterceptor {
    private static final SettingsReport.Lines LOG_LINES =
            SettingsReport.javaUtilLogging(Logger.getLogger(PartnerAttributionRequestInterceptor.class.getName()));

    private final Attribution attribution;
    private final UserAgentMemo userAgents;

    private PartnerAttributionRequestInterceptor(Attribution attribution) {
        this.attribution = attribution;
        this.userAgents = new UserAgentMemo(attribution, "the Apache HttpClient 5 interceptor");
        SettingsReport.report(attribution, LOG_LINES);
    }

    /**
     * An interceptor for the given configuration. An inactive configuration (no id, or the customer opted out)
     * gives an interceptor that leaves every request as it is.
     *
     * @param attribution what to attribute
     * @return the interceptor, for one client or many
     */
    public static PartnerAttributionRequestInterceptor create(Attribution attribution) {
        if (attribution == null) {
            throw new NullPointerException("attribution must not be null");
        }
        return new PartnerAttributionRequestInterceptor(attribution);
    }

    /** {@return the configuration this interceptor applies} */
    public Attribution attribution() {
        return attribution;
    }

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
        // Whether to attribute at all (an id, no opt-out) is decided in one place, Attribution.apply.
        Header[] headers = request.getHeaders(HttpHeaders.USER_AGENT);
        String current = headers.length == 0 ? null : headers[0].getValue();
        String attributed = userAgents.apply(current);
        if (headers.length > 1 && attribution.isActive()) {
            // HttpClient sends every User-Agent header it holds: one is left, attributed, so no other (another
            // partner's, say) stands after ours
            request.removeHeaders(HttpHeaders.USER_AGENT);
            request.setHeader(HttpHeaders.USER_AGENT, attributed == null ? current : attributed);
        } else if (attributed != current && attributed != null) {
            request.setHeader(HttpHeaders.USER_AGENT, attributed);
        }
    }

    @Override
    public String toString() {
        return "PartnerAttributionRequestInterceptor[" + attribution + "]";
    }
}
