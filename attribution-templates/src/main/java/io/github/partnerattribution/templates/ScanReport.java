package io.github.partnerattribution.templates;

import io.github.partnerattribution.templates.internal.ReportRenderers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of {@link ArmTemplates#scan}: every main, nested and linked template found under a folder with its
 * findings, as text for people, JSON for scripts, or SARIF 2.1.0 for code-scanning views.
 *
 * <pre>{@code
 * ScanReport report = ArmTemplates.scan(Paths.get("."));
 * Files.write(Paths.get("attribution.sarif"), report.sarif().getBytes(StandardCharsets.UTF_8));
 * System.exit(report.count(Severity.ERROR) > 0 ? 1 : 0);
 * }</pre>
 */
public final class ScanReport {
    private final Path root;
    private final List<ScannedTemplate> templates;

    private final List<String> notes;
    private final int linksFollowed;
    private final int linksUnresolved;

    ScanReport(Path root, List<ScannedTemplate> templates) {
        this(root, templates, Collections.<String>emptyList());
    }

    ScanReport(Path root, List<ScannedTemplate> templates, List<String> notes) {
        this(root, templates, notes, 0, 0);
    }

    ScanReport(Path root, List<ScannedTemplate> templates, List<String> notes, int linksFollowed,
            int linksUnresolved) {
        this.root = root;
        this.templates = Collections.unmodifiableList(templates);
        this.notes = Collections.unmodifiableList(notes);
        this.linksFollowed = linksFollowed;
        this.linksUnresolved = linksUnresolved;
    }

    /** {@return how many links between templates the scan followed to a file it checked} */
    public int linksFollowed() {
        return linksFollowed;
    }

    /** {@return how many links it could not resolve to a file in the folder (each is a note)} */
    public int linksUnresolved() {
        return linksUnresolved;
    }

    /**
     * What the scan could not decide or chose to skip, in words: no template found, no main template, a compiled
     * {@code main.json} checked as its Bicep source, links in a cycle, each link it could not resolve (file, line,
     * the expression, the candidates), samples and tests set aside as entry points.
     *
     * @return the notes, possibly empty
     */
    public List<String> notes() {
        return notes;
    }

    /** {@return the folder scanned} */
    public Path root() {
        return root;
    }

    /** {@return the templates found, main ones first, each with its findings} */
    public List<ScannedTemplate> templates() {
        return templates;
    }

    /** {@return every finding of every template} */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        for (ScannedTemplate t : templates) {
            all.addAll(t.findings());
        }
        return all;
    }

    /**
     * Counts the findings of one severity.
     *
     * @param severity a severity
     * @return how many findings have it
     */
    public int count(Severity severity) {
        int n = 0;
        for (Finding f : findings()) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /**
     * Counts the templates of one role; {@code templates().size() - count(TemplateRole.PACKAGE)} is how many templates
     * were checked, a Marketplace package counted by the templates in it.
     *
     * @param role a role
     * @return how many of the templates have it
     */
    public int count(TemplateRole role) {
        int n = 0;
        for (ScannedTemplate t : templates) {
            n += t.role() == role ? 1 : 0;
        }
        return n;
    }

    /**
     * Whether this report fails a run, and why: the one rule the command line and the Maven plugin both apply. A
     * report that checked no template fails (a folder without templates is the wrong folder, or a wrong name, not a
     * pass); otherwise it fails when a finding is at least as severe as {@code failOn}: {@link Severity#ERROR} fails on
     * errors, {@link Severity#WARNING} on warnings too, {@link Severity#INFO} on any finding.
     *
     * <pre>{@code
     * report.failure(Severity.ERROR).ifPresent(why -> { throw new IllegalStateException(why); });
     * }</pre>
     *
     * @param failOn the least severe finding that fails the run
     * @return why the run fails, in one line, or empty when it passes
     */
    public java.util.Optional<String> failure(Severity failOn) {
        if (failOn == null) {
            throw new NullPointerException("failOn must not be null");
        }
        if (templates().isEmpty()) {
            return java.util.Optional.of("no deployment template found in " + root() + ": nothing was checked");
        }
        int errors = count(Severity.ERROR);
        int warnings = count(Severity.WARNING);
        int failing = errors + (failOn == Severity.ERROR ? 0 : warnings)
                + (failOn == Severity.INFO ? count(Severity.INFO) : 0);
        if (failing == 0) {
            return java.util.Optional.empty();
        }
        int packages = count(TemplateRole.PACKAGE);
        return java.util.Optional.of((templates().size() - packages) + " template(s)"
                + (packages == 0 ? "" : " in " + packages + " package(s)") + " checked: " + errors + " error(s), " + warnings
                + " warning(s)" + (failOn == Severity.INFO ? ", " + count(Severity.INFO) + " note(s)" : "")
                + "; the run fails on " + (failOn == Severity.ERROR ? "errors" : failOn == Severity.WARNING
                        ? "warnings and errors" : "any finding"));
    }

    /** {@return one line per template and per finding, then a summary line} */
    public String text() {
        return ReportRenderers.text(this);
    }

    /** {@return the report as JSON: templates with their role and findings, and a summary} */
    public String json() {
        return ReportRenderers.json(this);
    }

    /** {@return the report as SARIF 2.1.0, file locations relative to the scanned folder, every rule declared} */
    public String sarif() {
        return ReportRenderers.sarif(findings(), root);
    }
}
