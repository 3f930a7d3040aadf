package io.github.partnerattribution.maven;

import io.github.partnerattribution.core.InvalidRegistryException;
import io.github.partnerattribution.core.PartnerIdRegistry;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.ArmTemplates;
import io.github.partnerattribution.templates.Finding;
import io.github.partnerattribution.templates.ScanReport;
import io.github.partnerattribution.templates.ScannedTemplate;
import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's ARM templates as {@code attribution template scan} does: main templates found by content,
 * links followed, every rule of the catalogue. Findings are logged as {@code file:[line,col] CODE message}, the form
 * IDEs link, and written as SARIF under {@code target/}; the build fails on errors (or warnings, or never).
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.github.partnerattribution</groupId>
 *   <artifactId>attribution-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>check</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
    /** When the build fails. */
    public enum FailOn { errors, warnings, never }

    /**
     * The folders to scan, or deployment packages ({@code .zip}) to check; by default the project's folder (hidden
     * folders, node_modules and target skipped; the packages in a folder are checked too).
     */
    @Parameter
    private List<File> templateDirectories;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** A properties file the build fills placeholders from, so names built from them are judged filled. */
    @Parameter(property = "attribution.properties")
    private File propertiesFile;

    /**
     * The partner's GUID registry: with {@code offer} and {@code channel} (and {@code sku}), a tracking resource whose
     * GUID is not the one it holds for them is an error (CUA031) naming both GUIDs.
     */
    @Parameter(property = "attribution.registry")
    private File registry;

    /** The offer the templates are for, such as {@code backup}; with {@code registry}. */
    @Parameter(property = "attribution.offer")
    private String offer;

    /** The channel they ship in, such as {@code marketplace} or {@code github}; with {@code registry}. */
    @Parameter(property = "attribution.channel")
    private String channel;

    /** The SKU, for a GUID per SKU; with {@code registry}. */
    @Parameter(property = "attribution.sku")
    private String sku;

    /** {@code errors} (default), {@code warnings} or {@code never}. */
    @Parameter(property = "attribution.failOn", defaultValue = "errors")
    private FailOn failOn;

    /** Where the SARIF report goes; with several folders, the second one's is {@code <name>-2.sarif}, and so on. */
    @Parameter(defaultValue = "${project.build.directory}/attribution/templates.sarif")
    private File sarifFile;

    @Parameter(property = "attribution.skip", defaultValue = "false")
    private boolean skip;

    /**
     * What {@code fill} changed where: a finding in a filled copy is reported at the source file's line and column,
     * the file the partner edits.
     */
    @Parameter(defaultValue = FillMap.DEFAULT_FILE)
    private File fillMap;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Template check skipped (attribution.skip)");
            return;
        }
        TemplateOptions options = TemplateOptions.defaults();
        int errors = 0;
        int warnings = 0;
        int templates = 0;
        List<String> sarifs = new java.util.ArrayList<>();
        List<String> failures = new java.util.ArrayList<>();
        FillMap filled = FillMap.read(fillMap.toPath());
        if (failOn == FailOn.never) {
            getLog().info("Template check with failOn never: the findings below are reported, and none fails the build");
        }
        try {
            if (propertiesFile != null) {
                options = options.withProperties(propertiesFile.toPath());
            }
            options = registered(options);
            List<File> dirs = templateDirectories == null || templateDirectories.isEmpty()
                    ? List.of(basedir) : templateDirectories;
            for (File dir : dirs) {
                boolean pkg = dir.isFile() && dir.getName().toLowerCase(Locale.ROOT).endsWith(".zip");
                if (!dir.isDirectory() && !pkg) {
                    throw new MojoExecutionException("templateDirectories: " + dir + " is neither a folder nor a"
                            + " deployment package (.zip)");
                }
                // a folder is scanned (the packages in it too); a package is checked as Partner Center reads it
                ScanReport report = pkg ? ArmTemplates.checkPackage(dir.toPath(), options)
                        : ArmTemplates.scan(dir.toPath(), options);
                for (String note : report.notes()) {
                    getLog().info("Template check: " + Text.printable(note));
                }
                templates += report.templates().size() - report.count(TemplateRole.PACKAGE); // a package by its templates
                for (ScannedTemplate t : report.templates()) {
                    for (Finding f : t.findings()) {
                        String line = filled.where(f.file(), f.line(), f.column()) + " " + f.code() + " "
                                + Text.printable(f.message());
                        if (f.severity() == Severity.ERROR) {
                            errors++;
                            getLog().error(line);
                        } else if (f.severity() == Severity.WARNING) {
                            warnings++;
                            getLog().warn(line);
                        } else {
                            getLog().info(line);
                        }
                    }
                }
                sarifs.add(report.sarif());
                if (failOn != FailOn.never) {
                    report.failure(failOn == FailOn.errors ? Severity.ERROR : Severity.WARNING)
                            .ifPresent(why -> failures.add(dir + ": " + why));
                }
            }
            for (int i = 0; i < sarifs.size(); i++) {
                Path sarif = i == 0 ? sarifFile.toPath() : sarifFile.toPath().resolveSibling(
                        sarifFile.getName().replaceFirst("(\\.sarif)?$", "-" + (i + 1) + ".sarif"));
                Files.createDirectories(sarif.toAbsolutePath().getParent());
                Files.write(sarif, sarifs.get(i).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Template check could not read the templates: " + e.getMessage(), e);
        }
        String summary = templates + " template(s) checked: " + errors + " error(s), " + warnings + " warning(s);"
                + " SARIF in " + sarifFile;
        getLog().info(summary);
        if (templates == 0 && failOn == FailOn.never) {
            getLog().warn("Template check found no deployment template to check");
        }
        // the command line's rule (ScanReport.failure), for each folder or package named
        if (!failures.isEmpty()) {
            throw new MojoFailureException("Template check failed (failOn " + failOn.name().toLowerCase(Locale.ROOT)
                    + "): " + String.join("; ", failures));
        }
    }

    /** With the registry's id for the offer and channel, when {@code registry} is set; a missing part is named. */
    private TemplateOptions registered(TemplateOptions options) throws MojoExecutionException {
        if (registry == null) {
            if (offer != null || channel != null || sku != null) {
                throw new MojoExecutionException("offer, channel and sku name an entry of the registry: set registry"
                        + " (the partner's GUID registry file) too");
            }
            return options;
        }
        if (offer == null || channel == null) {
            throw new MojoExecutionException("registry " + registry + " needs offer and channel (and sku for a GUID per"
                    + " SKU): the registered id a tracking resource must carry is the one for them");
        }
        try {
            return options.withRegistry(PartnerIdRegistry.load(registry.toPath()), offer, channel, sku);
        } catch (InvalidRegistryException e) {
            throw new MojoExecutionException("registry " + registry + " is not valid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("registry " + registry + " cannot be read: " + e, e);
        } catch (java.util.NoSuchElementException none) {
            throw new MojoExecutionException(Text.printable(none.getMessage()), none);
        }
    }
}
