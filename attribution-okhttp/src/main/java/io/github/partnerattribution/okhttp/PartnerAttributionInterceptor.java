package io.github.partnerattribution.okhttp;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.core.support.SettingsReport;
import io.github.partnerattribution.core.support.UserAgentMemo;
import java.io.IOException;
import java.util.logging.Logger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor that appends the partner's {@code pid-<guid>} token to the User-Agent of every call, for
 * code that calls the Azure Resource Manager REST API directly. It follows {@link UserAgents}' rules: at the end,
 * once, the rest of the value kept.
 *
 * <p>Add it as an <em>application</em> interceptor ({@link #addTo(OkHttpClient.Builder)}): it then runs once per
 * call, and retries and redirects OkHttp makes below it keep the header. As a network interceptor it runs for every
 * attempt and redirect hop, still never duplicating the token; but OkHttp has by then added its own
 * {@code okhttp/<version>} User-Agent to requests that had none, so the token lands behind that.
 *
 * <p>For a client whose User-Agent does not change, the attributed value is computed once and reused. The value
 * written is always one OkHttp accepts (visible ASCII, space, tab), whatever {@code AZURE_HTTP_USER_AGENT} holds, so
 * the interceptor never fails a call. Doubtful settings (see {@link Attribution#warnings()}) and an opt-out in force
 * are logged once per JVM through {@code java.util.logging}, as OkHttp itself logs.
 *
 * <pre>{@code
 * OkHttpClient client = PartnerAttributionInterceptor.create(Attribution.of(partnerId))
 *         .addTo(new OkHttpClient.Builder())
 *         .build();
 * }</pre>
 */
public final class PartnerAttributionInterceptor implements Interceptor {
    private static final String USER_AGENT = "User-Agent";
    private static final SettingsReport.Lines LOG_LINES =
            SettingsReport.javaUtilLogging(Logger.getLogger(PartnerAttributionInterceptor.class.getName()));

    private final Attribution attribution;
    private final UserAgentMemo userAgents;

    PartnerAttributionInterceptor(Attribution attribution) {
        this.attribution = attribution;
        this.userAgents = new UserAgentMemo(attribution, "the OkHttp interceptor");
        SettingsReport.report(attribution, LOG_LINES);
    }

    /**
     * An interceptor for the given configuration. An inactive configuration (no id, or the customer opted out)
     * gives an interceptor that passes every request on as it is.
     *
     * @param attribution what to attribute
     * @return the interceptor
     */
    public static PartnerAttributionInterceptor create(Attribution attribution) {
        if (attribution == null) {
            throw new NullPointerException("attribution must not be null");
        }
        return new PartnerAttributionInterceptor(attribution);
    }

    /**
     * Adds this interceptor to a client builder as an application interceptor.
     *
     * @param builder the builder
     * @return the same builder
     */
    public OkHttpClient.Builder addTo(OkHttpClient.Builder builder) {
        if (builder == null) {
            throw new NullPointerException("builder must not be null");
        }
        return builder.addInterceptor(this);
    }

    /** {@return the configuration this interceptor applies} */
    public Attribution attribution() {
        return attribution;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        // Whether to attribute at all (an id, no opt-out) is decided in one place, Attribution.apply.
        String current = request.header(USER_AGENT);
        String attributed = userAgents.apply(current);
        if (attributed == current) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header(USER_AGENT, attributed).build());
    }

    @Override
    public String toString() {
        return "PartnerAttributionInterceptor[" + attribution + "]";
    }
}
