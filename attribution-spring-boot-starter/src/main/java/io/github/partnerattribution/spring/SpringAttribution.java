package io.github.partnerattribution.spring;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.internal.Switch;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The application's {@link Attribution}, read from the Spring {@code Environment}: {@code azure.partner.id} when
 * set (relaxed binding makes {@code AZURE_PARTNER_ID} one of its sources), else what the process's own settings
 * name ({@code ARM_PARTNER_ID}, a pid in {@code AZURE_HTTP_USER_AGENT}). The customer's opt-out wins wherever it is
 * set: {@code azure.partner.attribution.disabled} in any property source, or the system property or variable that
 * core reads.
 */
final class SpringAttribution {
    static final String ID = "azure.partner.id";
    static final String DISABLED = "azure.partner.attribution.disabled";

    private SpringAttribution() {
    }

    static Attribution from(Environment environment) {
        PartnerAttributionProperties settings = Binder.get(environment)
                .bind("azure.partner", PartnerAttributionProperties.class).orElseGet(PartnerAttributionProperties::new);
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(n -> properties.put(n, System.getProperty(n)));
        Map<String, String> variables = new HashMap<>(System.getenv());
        String optOut = optOut(environment);
        if (optOut != null) {
            properties.put(Attribution.DISABLED_PROPERTY, optOut);
        }
        String extra = settings.getAttribution().getExtra();
        if (extra != null && !extra.trim().isEmpty()) {
            String own = variables.get(Attribution.USER_AGENT_VARIABLE);
            variables.put(Attribution.USER_AGENT_VARIABLE, own == null || own.trim().isEmpty() ? extra : extra + " " + own);
        }
        String id = settings.getId();
        if (id != null && !id.trim().isEmpty()) {
            String origin = origin(environment, ID);
            PartnerId parsed;
            try {
                parsed = PartnerId.parse(id);
            } catch (InvalidPartnerIdException e) {
                throw new InvalidPartnerIdPropertyException(ID, origin, e.getMessage(), e);
            }
            return Attribution.of(parsed, "Spring property " + ID + " (" + origin + ")", properties, variables);
        }
        properties.remove(Attribution.PARTNER_ID_PROPERTY); // Spring's binding saw it, and it was blank
        variables.remove(Attribution.PARTNER_ID_VARIABLE);
        try {
            return Attribution.fromEnvironment(properties, variables);
        } catch (InvalidPartnerIdException e) {
            throw new InvalidPartnerIdPropertyException("setting", "read by attribution-core", e.getMessage(), e);
        }
    }

    /**
     * The customer's opt-out as the property sources hold it: "true" when any of them switches it on (not only the
     * one that takes precedence, which may be a blank variable), else the first value that is neither blank nor a
     * plain "no" (core reads it, opting out with a warning), else null.
     */
    static String optOut(Environment environment) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(DISABLED);
        String doubtful = null;
        for (ConfigurationPropertySource source : sources(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            String value = found == null || found.getValue() == null ? "" : found.getValue().toString().trim();
            Boolean on = Switch.parse(value);
            if (Boolean.TRUE.equals(on)) {
                return "true";
            }
            if (doubtful == null && on == null && !value.isEmpty()) {
                doubtful = value;
            }
        }
        return doubtful;
    }

    /** Where a property's value came from, as Spring Boot tracks it (a file and line, a variable). */
    static String origin(Environment environment, String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : sources(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            if (found != null) {
                return found.getOrigin() != null ? found.getOrigin().toString() : String.valueOf(source.getUnderlyingSource());
            }
        }
        return "the Spring environment";
    }

    /** The environment's property sources in precedence order, as Spring Boot's binding sees them. */
    private static Iterable<ConfigurationPropertySource> sources(Environment environment) {
        return environment instanceof ConfigurableEnvironment ? ConfigurationPropertySources.get(environment)
                : java.util.Collections.<ConfigurationPropertySource>emptyList();
    }
}
