package io.github.partnerattribution.spring;

import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Switch;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The application's {@link Attribution}, read from the Spring {@code Environment}: {@code azure.partner.id} when
 * set (relaxed binding makes {@code AZURE_PARTNER_ID} one of its sources), else what the process's own settings
 * name ({@code ARM_PARTNER_ID}, a pid in {@code AZURE_HTTP_USER_AGENT}). The customer's opt-out wins wherever it is
 * set: {@code azure.partner.attribution.disabled} in any property source, or the system property or variable that
 * core reads. The process's variables and system properties are the environment's own property sources, so a test
 * (or a host) that gives the environment its own sources decides them.
 *
 * <p>It never stops the application for what it cannot control: a malformed id from the process environment or the
 * system properties, any id while the customer opted out, a property source that fails when read. Each is reported
 * once (an error through azure-core's logger, or standard error) and the application runs unattributed. Only a
 * malformed {@code azure.partner.id} of the application's own configuration, while attribution is on, stops start-up
 * ({@link InvalidPartnerIdPropertyException}), with the property and where it was set.
 */
final class SpringAttribution {
    static final String ID = "azure.partner.id";
    static final String DISABLED = "azure.partner.attribution.disabled";
    static final String EXTRA = "azure.partner.attribution.extra";

    private SpringAttribution() {
    }

    static Attribution from(Environment environment) {
        try {
            return read(environment);
        } catch (InvalidPartnerIdPropertyException applicationsOwn) {
            throw applicationsOwn;
        } catch (RuntimeException unreadable) {
            Reports.errorOnce("Partner attribution is off for this application: " + problem(unreadable)
                    + " Correct the setting or its source; until then no pid- token is sent.");
            return Attribution.none();
        }
    }

    private static Attribution read(Environment environment) {
        Map<String, String> properties = strings(environment,
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        Map<String, String> variables = strings(environment,
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Setting optOut = optOut(environment);
        properties.remove(Attribution.DISABLED_PROPERTY);
        variables.remove(Attribution.DISABLED_VARIABLE);
        if (optOut != null && !Boolean.FALSE.equals(Switch.parse(optOut.value))) {
            properties.put(Attribution.DISABLED_PROPERTY, "true"); // what is read while opted out, as core reads it
        } else {
            optOut = null;
        }
        // each setting bound alone, as text: the opt-out is read above, by core's rule (a value that is neither true nor
        // false opts out, with a warning), where binding PartnerAttributionProperties' Boolean would fail on it
        Binder binder = Binder.get(environment);
        String extra = binder.bind(EXTRA, String.class).orElse(null);
        if (extra != null && !extra.trim().isEmpty()) {
            String own = variables.get(Attribution.USER_AGENT_VARIABLE);
            variables.put(Attribution.USER_AGENT_VARIABLE, own == null || own.trim().isEmpty() ? extra : extra + " " + own);
        }
        String id = binder.bind(ID, String.class).orElse(null);
        if (id == null || id.trim().isEmpty()) {
            properties.remove(Attribution.PARTNER_ID_PROPERTY); // Spring's binding saw it, and it was blank
            variables.remove(Attribution.PARTNER_ID_VARIABLE);
            return described(Attribution.fromEnvironment(properties, variables), optOut);
        }
        ConfigurationPropertySource from = sourceOf(environment, ID);
        String origin = origin(from, ID);
        PartnerId parsed;
        try {
            parsed = PartnerId.parse(id);
        } catch (InvalidPartnerIdException e) {
            Attribution withoutIt = described(Attribution.fromEnvironment(withoutId(properties), withoutId(variables)),
                    optOut);
            if (withoutIt.isOptedOut()) {
                return withoutIt; // the customer's choice: the id is not used, so it cannot stop the application
            }
            if (from == null || isProcessEnvironment(from)) {
                throw new IllegalStateException("the partner id " + ID + " (" + origin + ") is not valid: "
                        + e.getMessage());
            }
            throw new InvalidPartnerIdPropertyException(ID, origin, e.getMessage(), e);
        }
        return described(Attribution.of(parsed, describe(from, ID), properties, variables), optOut);
    }

    /** A setting's value and where it was set. */
    static final class Setting {
        final String value;
        final String origin;

        Setting(String value, String origin) {
            this.value = value;
            this.origin = origin;
        }
    }

    /** The configuration with the opt-out named after where it was set; as it is when none is in force. */
    private static Attribution described(Attribution attribution, Setting optOut) {
        return optOut == null ? attribution : attribution.withOptOut(optOut.value, optOut.origin);
    }

    /** The settings with the id left out: what decides the opt-out and the rest when the id is read apart. */
    private static Map<String, String> withoutId(Map<String, String> settings) {
        Map<String, String> rest = new HashMap<>(settings);
        rest.remove(Attribution.PARTNER_ID_PROPERTY);
        rest.remove(Attribution.PARTNER_ID_VARIABLE);
        rest.remove(Attribution.TERRAFORM_PARTNER_ID_VARIABLE);
        return rest;
    }

    /** A failure's message, with those of its causes that add to it (a binding failure wraps the source's own). */
    private static String problem(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isEmpty() && out.indexOf(m) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(m);
            }
        }
        String text = out.length() == 0 ? e.getClass().getSimpleName() : out.toString();
        return Origins.withoutSecrets(text.endsWith(".") ? text : text + ".");
    }

    /** A property source of the environment as strings (the system properties, the variables); empty when absent. */
    private static Map<String, String> strings(Environment environment, String name) {
        Map<String, String> out = new HashMap<>();
        if (!(environment instanceof ConfigurableEnvironment)) {
            return out;
        }
        PropertySource<?> source = ((ConfigurableEnvironment) environment).getPropertySources().get(name);
        if (source != null && source.getSource() instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) source.getSource()).entrySet()) {
                if (e.getKey() instanceof String && e.getValue() instanceof String) {
                    out.put((String) e.getKey(), (String) e.getValue());
                }
            }
        }
        return out;
    }

    /**
     * The customer's opt-out as the property sources hold it: "true" when any of them switches it on (not only the
     * one that takes precedence, which may be a blank variable), else the first value that is neither blank nor a
     * plain "no" (core reads it, opting out with a warning), else null.
     */
    static Setting optOut(Environment environment) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(DISABLED);
        Setting doubtful = null;
        for (ConfigurationPropertySource source : sources(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            String value = found == null || found.getValue() == null ? "" : found.getValue().toString().trim();
            Boolean on = Switch.parse(value);
            if (Boolean.TRUE.equals(on)) {
                return new Setting(value, describe(source, DISABLED));
            }
            if (doubtful == null && on == null && !value.isEmpty()) {
                doubtful = new Setting(value, describe(source, DISABLED));
            }
        }
        return doubtful;
    }

    /** The property source that gives a property its value (the first in precedence that has it), or null. */
    private static ConfigurationPropertySource sourceOf(Environment environment, String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : sources(environment)) {
            if (source.getConfigurationProperty(name) != null) {
                return source;
            }
        }
        return null;
    }

    /** Whether a source is the process's variables or system properties rather than the application's configuration. */
    private static boolean isProcessEnvironment(ConfigurationPropertySource source) {
        return processSource(source) != null;
    }

    /**
     * The name of the environment's own property source a source is (the process's variables or its system
     * properties), or null for any other, the application's configuration.
     */
    private static String processSource(ConfigurationPropertySource source) {
        Object underlying = source == null ? null : source.getUnderlyingSource();
        if (!(underlying instanceof PropertySource)) {
            return null;
        }
        String name = ((PropertySource<?>) underlying).getName();
        if (underlying instanceof SystemEnvironmentPropertySource
                || StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(name)) {
            return StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        }
        return StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(name) ? name : null;
    }

    /**
     * Where a property was set, in the words core uses for the same places: {@code environment variable
     * AZURE_PARTNER_ID}, {@code system property azure.partner.id}, else {@code Spring property azure.partner.id (}
     * its origin {@code )}, such as a file and line.
     */
    private static String describe(ConfigurationPropertySource source, String property) {
        String process = processSource(source);
        if (StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(process)) {
            ConfigurationProperty found = source.getConfigurationProperty(ConfigurationPropertyName.of(property));
            Origin origin = found == null ? null : found.getOrigin();
            return "environment variable " + (origin instanceof SystemEnvironmentOrigin
                    ? ((SystemEnvironmentOrigin) origin).getProperty()
                    : property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (process != null) {
            return "system property " + property;
        }
        return "Spring property " + property + " (" + origin(source, property) + ")";
    }

    /**
     * Where a property's value came from, as Spring Boot tracks it (a file and line, a variable, a property source),
     * without the user-info part of a URL or a folder of an absolute path ({@link Origins}).
     */
    private static String origin(ConfigurationPropertySource source, String property) {
        if (source == null) {
            return "the Spring environment";
        }
        ConfigurationProperty found = source.getConfigurationProperty(ConfigurationPropertyName.of(property));
        Origin origin = found == null ? null : found.getOrigin();
        if (origin != null) {
            return Origins.describe(origin);
        }
        Object underlying = source.getUnderlyingSource();
        return Origins.withoutSecrets("property source " + (underlying instanceof PropertySource
                ? ((PropertySource<?>) underlying).getName() : String.valueOf(underlying)));
    }

    /** The environment's property sources in precedence order, as Spring Boot's binding sees them. */
    private static Iterable<ConfigurationPropertySource> sources(Environment environment) {
        return environment instanceof ConfigurableEnvironment ? ConfigurationPropertySources.get(environment)
                : java.util.Collections.<ConfigurationPropertySource>emptyList();
    }
}
