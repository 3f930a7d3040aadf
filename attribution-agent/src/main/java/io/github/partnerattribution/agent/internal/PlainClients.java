package io.github.partnerattribution.agent.internal;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.InvalidPartnerIdException;

/** What the agent's interceptors for plain HTTP clients share, in each bridge loader. Not API. */
final class PlainClients {
    private PlainClients() {
    }

    /**
     * The settings for the next client, or null when nothing is to be attributed: no id, an opt-out, or a malformed
     * setting (which the installer reports once, with the agent's other reports).
     */
    static Attribution activeOrNull() {
        try {
            Attribution attribution = Attribution.fromEnvironment();
            return attribution.isActive() ? attribution : null;
        } catch (InvalidPartnerIdException invalid) {
            return null;
        }
    }
}
