package io.github.partnerattribution.agent.internal;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.okhttp.PartnerAttributionInterceptor;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Loaded once per OkHttp, in a {@link BridgeLoader} over it: for the next client, an interceptor that attributes the
 * requests to the given hosts with the library's OkHttp interceptor and passes the others on untouched; null when
 * nothing is to be attributed. Not API.
 */
public final class AgentOkHttp implements Function<Predicate<String>, Object> {
    /** Made by the installer, reflectively, in the bridge loader. */
    public AgentOkHttp() {
    }

    @Override
    public Object apply(Predicate<String> hosts) {
        Attribution attribution = PlainClients.activeOrNull();
        return attribution == null ? null : new ArmOnly(PartnerAttributionInterceptor.create(attribution), hosts);
    }

    /** The library's interceptor, for the given hosts only. */
    static final class ArmOnly implements Interceptor {
        private final Interceptor attributing;
        private final Predicate<String> hosts;

        ArmOnly(Interceptor attributing, Predicate<String> hosts) {
            this.attributing = attributing;
            this.hosts = hosts;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            return hosts.test(chain.request().url().host()) ? attributing.intercept(chain)
                    : chain.proceed(chain.request());
        }

        @Override
        public String toString() {
            return "partner attribution agent's interceptor for " + hosts;
        }
    }
}
