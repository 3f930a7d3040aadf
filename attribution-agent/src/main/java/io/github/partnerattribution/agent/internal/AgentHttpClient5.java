package io.github.partnerattribution.agent.internal;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.httpclient5.PartnerAttributionRequestInterceptor;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Loaded once per Apache HttpClient 5, in a {@link BridgeLoader} over it: for the next client, a request interceptor
 * that attributes the requests to the given hosts with the library's interceptor and leaves the others alone; null
 * when nothing is to be attributed. Not API.
 */
public final class AgentHttpClient5 implements Function<Predicate<String>, Object> {
    /** Made by the installer, reflectively, in the bridge loader. */
    public AgentHttpClient5() {
    }

    @Override
    public Object apply(Predicate<String> hosts) {
        Attribution attribution = PlainClients.activeOrNull();
        return attribution == null ? null : new ArmOnly(PartnerAttributionRequestInterceptor.create(attribution), hosts);
    }

    /** The library's interceptor, for the given hosts only. */
    static final class ArmOnly implements HttpRequestInterceptor {
        private final HttpRequestInterceptor attributing;
        private final Predicate<String> hosts;

        ArmOnly(HttpRequestInterceptor attributing, Predicate<String> hosts) {
            this.attributing = attributing;
            this.hosts = hosts;
        }

        @Override
        public void process(HttpRequest request, EntityDetails entity, HttpContext context)
                throws HttpException, IOException {
            URIAuthority authority = request.getAuthority();
            if (authority != null && hosts.test(authority.getHostName())) {
                attributing.process(request, entity, context);
            }
        }

        @Override
        public String toString() {
            return "partner attribution agent's interceptor for " + hosts;
        }
    }
}
