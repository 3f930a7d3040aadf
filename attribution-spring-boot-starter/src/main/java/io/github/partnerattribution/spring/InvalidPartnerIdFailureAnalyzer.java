package io.github.partnerattribution.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a malformed partner id into Spring Boot's start-up report: the property, where it was set, the problem,
 * and what would be valid. Registered in {@code META-INF/spring.factories}.
 *
 * <pre>{@code
 * Description:
 * The partner id azure.partner.id (class path resource [application.yml] - 3:9) is not valid: ...
 * Action:
 * Set azure.partner.id to the tracking GUID registered in Partner Center ...
 * }</pre>
 */
public final class InvalidPartnerIdFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPartnerIdPropertyException> {
    /** Made by Spring Boot. */
    public InvalidPartnerIdFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidPartnerIdPropertyException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + cause.property() + " (" + cause.origin() + ") to the"
                + " tracking GUID registered in Partner Center: 32 hex digits grouped 8-4-4-4-12, optionally as"
                + " pid-<guid> (attribution guid check VALUE says what is wrong with a value), or remove it to"
                + " attribute nothing.", cause);
    }
}
