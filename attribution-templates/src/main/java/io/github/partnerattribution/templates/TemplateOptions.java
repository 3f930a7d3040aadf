package io.github.partnerattribution.templates;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.PartnerIdRegistry;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.internal.DeploymentApiVersions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How to check and edit templates: the build properties that fill {@code ${...}} placeholders, the names of main
 * templates besides the standard ones, the partner's registry and the offer and channel the templates are for, the day
 * ages are counted to, the {@code apiVersion} and opt-out parameter {@link ArmTemplates#add} writes, and dry runs.
 *
 * <pre>{@code
 * TemplateOptions options = TemplateOptions.defaults().withProperties(Paths.get("pid.properties"));
 * List<Finding> findings = ArmTemplates.check(path, options);
 * }</pre>
 */
public final class TemplateOptions {
    /**
     * The default {@code apiVersion} of the tracking deployment {@link ArmTemplates#add} writes: the newest stable
     * version of {@code Microsoft.Resources/deployments} this release knows (from the public REST specifications), so
     * that arm-ttk's "apiVersions Should Be Recent" passes. A cloud that lags, such as Azure Stack Hub, needs an older
     * one: pass it with {@link #withApiVersion(String)}.
     */
    public static final String DEFAULT_API_VERSION = DeploymentApiVersions.NEWEST;

    private static final TemplateOptions DEFAULTS = new TemplateOptions(Collections.<String, String>emptyMap(),
            Collections.<String>emptySet(), DEFAULT_API_VERSION, false, false, null, null, null);

    private final Map<String, String> properties;
    private final Set<String> mainNames;
    private final String apiVersion;
    private final boolean dryRun;
    private final boolean force;
    /** The date checks judge ages against; null for the system clock's, read when asked. */
    private final Clock clock;
    private final String optOutParameter;
    private final RegisteredId registered;

    private TemplateOptions(Map<String, String> properties, Set<String> mainNames, String apiVersion, boolean dryRun,
            boolean force, Clock clock, String optOutParameter, RegisteredId registered) {
        this.properties = properties;
        this.mainNames = mainNames;
        this.apiVersion = apiVersion;
        this.dryRun = dryRun;
        this.force = force;
        this.clock = clock;
        this.optOutParameter = optOutParameter;
        this.registered = registered;
    }

    /** {@return no properties, the standard main names, the default apiVersion} */
    public static TemplateOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With build properties read from a properties file (the format of {@code PartnerIdRegistry} files).
     *
     * @param file the properties file
     * @return new options
     * @throws IOException if the file cannot be read
     */
    public TemplateOptions withProperties(Path file) throws IOException {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : loaded.stringPropertyNames()) {
            map.put(name, loaded.getProperty(name).trim());
        }
        return withProperties(map);
    }

    /**
     * With build properties given as a map.
     *
     * @param values placeholder names to values
     * @return new options
     */
    public TemplateOptions withProperties(Map<String, String> values) {
        return new TemplateOptions(Collections.unmodifiableMap(new LinkedHashMap<>(values)), mainNames, apiVersion, dryRun,
                force, clock, optOutParameter, registered);
    }

    /**
     * With more files that count as main templates (in any case): a file name names every file so called, a path
     * (with a {@code /}) the file it ends, such as {@code samples/basic/main.bicep}.
     *
     * @param names file names such as {@code createSolution.json}, or paths
     * @return new options
     */
    public TemplateOptions withMainNames(Iterable<String> names) {
        Set<String> all = new LinkedHashSet<>(mainNames);
        for (String name : names) {
            all.add(name.toLowerCase(Locale.ROOT));
        }
        return new TemplateOptions(properties, Collections.unmodifiableSet(all), apiVersion, dryRun, force, clock,
                optOutParameter, registered);
    }

    /**
     * With another {@code apiVersion} for the tracking deployment that {@link ArmTemplates#add} writes.
     *
     * @param version such as {@code 2019-10-01}
     * @return new options
     * @throws IllegalArgumentException if it is not a date, with an optional {@code -preview}
     */
    public TemplateOptions withApiVersion(String version) {
        if (version == null || !version.matches("\\d{4}-\\d{2}-\\d{2}(-preview)?")) {
            throw new IllegalArgumentException("apiVersion " + (version == null ? "null" : "\"" + version + "\"")
                    + " is not an ARM api version such as " + DEFAULT_API_VERSION);
        }
        return new TemplateOptions(properties, mainNames, version, dryRun, force, clock, optOutParameter, registered);
    }

    /**
     * With or without a dry run: edits then compute the new content but write nothing.
     *
     * @param dryRun true to write nothing
     * @return new options
     */
    public TemplateOptions withDryRun(boolean dryRun) {
        return new TemplateOptions(properties, mainNames, apiVersion, dryRun, force, clock, optOutParameter, registered);
    }

    /** {@return whether edits write nothing} */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Whether an edit may change a read-only file (its mode is kept). Off by default: a file made read-only is
     * usually so on purpose.
     *
     * @param force true to edit read-only files too
     * @return new options
     */
    public TemplateOptions withForce(boolean force) {
        return new TemplateOptions(properties, mainNames, apiVersion, dryRun, force, clock, optOutParameter, registered);
    }

    /**
     * With the clock whose date checks judge ages against, such as how old a tracking deployment's {@code apiVersion}
     * is (CUA029, as arm-ttk judges it on the day it runs); the system clock by default.
     *
     * @param clock the clock, such as {@code Clock.fixed(...)} in a test
     * @return new options
     */
    public TemplateOptions withClock(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock is null");
        }
        return new TemplateOptions(properties, mainNames, apiVersion, dryRun, force, clock, optOutParameter, registered);
    }

    /** {@return today's date by the clock of these options, in UTC} */
    public LocalDate today() {
        return LocalDate.now(clock == null ? Clock.systemUTC() : clock.withZone(ZoneOffset.UTC));
    }

    /**
     * With a parameter that lets the customer opt out of attribution: {@link ArmTemplates#add} then adds it (a
     * {@code bool}, attribution on by default) and deploys the tracking resource only under it. A name that reads as
     * an opt-out ({@code telemetryOptOut}, {@code disableAttribution}) defaults to {@code false} and is negated in
     * the condition; any other ({@code enableTelemetry}) defaults to {@code true}.
     *
     * @param name the parameter's name: a letter or {@code _}, then letters, digits or {@code _}
     * @return new options
     * @throws IllegalArgumentException if it is not such a name
     */
    public TemplateOptions withOptOutParameter(String name) {
        if (!Text.isParameterName(name)) { // the customer notice's reading of a parameter name too
            throw new IllegalArgumentException("opt-out parameter " + (name == null ? "null" : "\"" + name + "\"")
                    + " is not a parameter name: use a letter or _, then letters, digits or _ (such as"
                    + " enableTelemetry or telemetryOptOut)");
        }
        return new TemplateOptions(properties, mainNames, apiVersion, dryRun, force, clock, name, registered);
    }

    /** {@return the opt-out parameter {@link ArmTemplates#add} adds, or null for none} */
    public String optOutParameter() {
        return optOutParameter;
    }

    /**
     * With the partner's registry and the offer and channel (and SKU) these templates are for: a main template's
     * tracking resource whose GUID is not the one registered for them is an error (CUA031) that names both GUIDs and
     * which entry the found one belongs to, if any.
     *
     * <pre>{@code
     * TemplateOptions options = TemplateOptions.defaults()
     *         .withRegistry(PartnerIdRegistry.load(Paths.get("pid.properties")), "backup", "marketplace", null);
     * }</pre>
     *
     * @param registry the registry
     * @param offer the offer, such as {@code backup}
     * @param channel the channel, such as {@code marketplace}
     * @param sku the SKU, or null
     * @return new options
     * @throws java.util.NoSuchElementException if the registry holds no id for them; the message lists its keys
     */
    public TemplateOptions withRegistry(PartnerIdRegistry registry, String offer, String channel, String sku) {
        if (registry == null) {
            throw new IllegalArgumentException("registry is null");
        }
        // the registry's own lookup, which names the keys it tried when there is none
        PartnerIdRegistry.Entry expected = registry.lookupEntry(offer, channel, sku);
        return new TemplateOptions(properties, mainNames, apiVersion, dryRun, force, clock, optOutParameter,
                new RegisteredId(registry, expected.key(), expected.partnerId()));
    }

    /** {@return the registry's id these templates must carry and where it comes from, or null when none is set} */
    public RegisteredId registeredId() {
        return registered;
    }

    /**
     * The id the registry holds for the offer and channel a check was given ({@link #withRegistry}), with the
     * registry itself, to tell which entry another id belongs to.
     *
     * <pre>{@code
     * RegisteredId expected = options.registeredId(); // null without a registry
     * System.out.println(expected.key() + " = " + expected.id().guid()); // backup.marketplace = 1b2c3d4e-...
     * }</pre>
     */
    public static final class RegisteredId {
        private final PartnerIdRegistry registry;
        private final String key;
        private final PartnerId id;

        RegisteredId(PartnerIdRegistry registry, String key, PartnerId id) {
            this.registry = registry;
            this.key = key;
            this.id = id;
        }

        /** {@return the registry} */
        public PartnerIdRegistry registry() {
            return registry;
        }

        /** {@return the key the id was found under, such as {@code backup.marketplace}} */
        public String key() {
            return key;
        }

        /** {@return the id} */
        public PartnerId id() {
            return id;
        }
    }

    /** {@return whether edits may change read-only files} */
    public boolean force() {
        return force;
    }

    /** {@return the build properties} */
    public Map<String, String> properties() {
        return properties;
    }

    /** {@return the extra main template names, lower case} */
    public Set<String> mainNames() {
        return mainNames;
    }

    /** {@return the apiVersion add writes} */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * Whether these options name a file as a main template ({@link #withMainNames}): by its file name, by its path
     * as given, or by the end of its path ({@code samples/basic/main.bicep}), in any case.
     *
     * @param file a template
     * @return true when one of the main names names it
     */
    public boolean namesAsMain(Path file) {
        if (mainNames.isEmpty()) {
            return false;
        }
        Path absolute = file.toAbsolutePath().normalize();
        String path = absolute.toString().replace('\\', '/').toLowerCase(Locale.ROOT);
        for (String name : mainNames) {
            String n = name.replace('\\', '/');
            if (n.indexOf('/') < 0 ? absolute.getFileName() != null
                    && absolute.getFileName().toString().toLowerCase(Locale.ROOT).equals(n)
                    : path.endsWith("/" + (n.startsWith("./") ? n.substring(2) : n)) || sameFile(name, absolute)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFile(String name, Path absolute) {
        try {
            return Paths.get(name).toAbsolutePath().normalize().toString().equalsIgnoreCase(absolute.toString());
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }
}
