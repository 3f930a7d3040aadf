package io.github.partnerattribution.spring;

import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.support.AttributedInThisJvm;
import io.github.partnerattribution.core.support.JavaAgentStatus;
import io.github.partnerattribution.operations.AttributionDoctor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot Actuator: an {@code info} contribution and a {@code partnerAttribution} health indicator, each
 * showing what {@code attribution doctor} shows for the application's configuration (the id and its source, the
 * opt-out and its source, whether zero-code mode attributes, the azure-core version, every id this JVM sent and through which path, what it reported), never
 * a credential. Spring Boot 3's and 4's health APIs live in different packages; each has its own configuration.
 *
 * <pre>{@code
 * GET /actuator/health/partnerAttribution
 * {"status":"UP","details":{"partnerId":"pid-1b2c...","source":"Spring property azure.partner.id (...)", ...}}
 * }</pre>
 */
@AutoConfiguration(after = PartnerAttributionAutoConfiguration.class)
@ConditionalOnBean(Attribution.class)
public class PartnerAttributionActuatorAutoConfiguration {
    /** Made by Spring Boot. */
    public PartnerAttributionActuatorAutoConfiguration() {
    }

    /**
     * What doctor shows, for this configuration: what cannot change while the application runs (the class path) from
     * the diagnosis made when the bean was, what this JVM reported as it is now. A health probe makes no pipeline.
     */
    static Map<String, Object> details(Attribution attribution, AttributionDoctor doctor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partnerId", attribution.partnerId() == null ? "none" : attribution.partnerId().token());
        details.put("source", attribution.source());
        details.put("active", attribution.isActive());
        details.put("optedOut", attribution.isOptedOut());
        if (attribution.isOptedOut()) {
            details.put("optOutSource", attribution.optOutSource());
        }
        details.put("zeroCode", doctor.zeroCodeOnClassPath() ? "on the class path" : "not on the class path");
        details.put("azureCore", String.valueOf(doctor.azureCoreVersion()));
        details.put("warnings", attribution.warnings());
        details.put("attributed", AttributedInThisJvm.all());
        details.put("reported", Reports.decisions());
        details.put("javaAgent", JavaAgentStatus.lines());
        return details;
    }

    /** The info contribution. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
    static class Info {
        @Bean
        org.springframework.boot.actuate.info.InfoContributor partnerAttributionInfo(Attribution attribution) {
            AttributionDoctor doctor = AttributionDoctor.examine();
            return builder -> builder.withDetail("partnerAttribution", details(attribution, doctor));
        }
    }

    /** Spring Boot 3's health indicator; not where Boot 4's API is there too (the two would take one name). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot3Health {
        @Bean
        org.springframework.boot.actuate.health.HealthIndicator partnerAttributionHealthIndicator(Attribution attribution) {
            AttributionDoctor doctor = AttributionDoctor.examine();
            return () -> org.springframework.boot.actuate.health.Health.up().withDetails(details(attribution, doctor)).build();
        }
    }

    /** Spring Boot 4's health indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4Health {
        @Bean
        org.springframework.boot.health.contributor.HealthIndicator partnerAttributionHealthIndicator(Attribution attribution) {
            AttributionDoctor doctor = AttributionDoctor.examine();
            return () -> org.springframework.boot.health.contributor.Health.up().withDetails(details(attribution, doctor)).build();
        }
    }
}
