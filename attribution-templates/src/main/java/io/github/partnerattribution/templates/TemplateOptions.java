package io.github.partnerattribution.templates;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How to check and edit templates: the build properties that fill {@code ${...}} placeholders, the names of main
 * templates besides the standard ones, the {@code apiVersion} {@link ArmTemplates#add} writes, and dry runs.
 *
 * <pre>{@code
 * TemplateOptions options = TemplateOptions.defaults().withProperties(Paths.get("pid.properties"));
 * List<Finding> findings = ArmTemplates.check(path, options);
 * }</pre>
 */
public final class TemplateOptions {
    /**
     * The default {@code apiVersion} of the tracking deployment {@link ArmTemplates#add} writes: 2021-04-01 is GA
     * for {@code Microsoft.Resources/deployments} in every public and sovereign Azure cloud, at all four deployment
     * scopes, with every property the tracking resource uses. Azure Stack Hub needs an older one, such as
     * 2019-10-01: pass it with {@link #withApiVersion(String)}.
     */
    public static final String DEFAULT_API_VERSION = "2021-04-01";

    private static final TemplateOptions DEFAULTS = new TemplateOptions(Collections.<String, String>emptyMap(),
            Collections.<String>emptySet(), DEFAULT_API_VERSION, false, false);

    private final Map<String, String> properties;
    private final Set<String> mainNames;
    private final String apiVersion;
    private final boolean dryRun;
    private final boolean force;

    private TemplateOptions(Map<String, String> properties, Set<String> mainNames, String apiVersion, boolean dryRun,
            boolean force) {
        this.properties = properties;
        this.mainNames = mainNames;
        this.apiVersion = apiVersion;
        this.dryRun = dryRun;
        this.force = force;
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
                force);
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
        return new TemplateOptions(properties, Collections.unmodifiableSet(all), apiVersion, dryRun, force);
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
        return new TemplateOptions(properties, mainNames, version, dryRun, force);
    }

    /**
     * With or without a dry run: edits then compute the new content but write nothing.
     *
     * @param dryRun true to write nothing
     * @return new options
     */
    public TemplateOptions withDryRun(boolean dryRun) {
        return new TemplateOptions(properties, mainNames, apiVersion, dryRun, force);
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
        return new TemplateOptions(properties, mainNames, apiVersion, dryRun, force);
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
