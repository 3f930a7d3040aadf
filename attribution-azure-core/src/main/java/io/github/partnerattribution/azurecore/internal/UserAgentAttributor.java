package io.github.partnerattribution.azurecore.internal;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpRequest;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.core.support.UserAgentMemo;

/**
 * What the explicit policy and zero-code mode's policy do to a request: the User-Agent attributed (remembered per
 * client), and a warning once per client when it already carries another partner id. Each names its path for the
 * doctor. Not API.
 */
public final class UserAgentAttributor {
    private final Attribution attribution;
    private final UserAgentMemo userAgents;
    /** The last attributed value looked at for another pid; the memo hands back the same instance until it changes. */
    private volatile String inspected;
    private volatile boolean warnedOfOtherId;

    /**
     * An attributor for one client.
     *
     * @param attribution what to attribute
     * @param via the path, as the doctor names it, such as {@code zero-code mode}
     */
    public UserAgentAttributor(Attribution attribution, String via) {
        this.attribution = attribution;
        this.userAgents = new UserAgentMemo(attribution, via);
    }

    /** {@return the configuration applied} */
    public Attribution attribution() {
        return attribution;
    }

    /** Attributes the request's User-Agent. */
    public void attribute(HttpRequest request) {
        // Whether to attribute at all (an id, no opt-out) is decided in one place, Attribution.apply.
        String current = request.getHeaders().getValue(HttpHeaderName.USER_AGENT);
        String attributed = userAgents.apply(current);
        if (attributed != current) {
            request.setHeader(HttpHeaderName.USER_AGENT, attributed);
            if (attributed != inspected) {
                inspected = attributed;
                warnOnceIfAnotherIdIsPresent(attributed);
            }
        }
    }

    /** Returns the attributed User-Agent; the same instance as {@code current} when nothing changes. */
    public String attributed(String current) {
        return userAgents.apply(current);
    }

    private void warnOnceIfAnotherIdIsPresent(String attributed) {
        if (warnedOfOtherId) {
            return;
        }
        PartnerId ours = attribution.partnerId();
        for (PartnerId found : UserAgents.partnerIds(attributed)) {
            if (!found.equals(ours)) {
                warnedOfOtherId = true;
                Reports.sink().warning("The User-Agent already carries " + found + "; " + ours + " (from "
                        + attribution.source() + ") is appended after it, so both are credited. Use one partner id"
                        + " per offer and channel.");
                return;
            }
        }
    }
}
