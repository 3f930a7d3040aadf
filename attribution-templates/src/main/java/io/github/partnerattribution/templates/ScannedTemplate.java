package io.github.partnerattribution.templates;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * One template {@link ArmTemplates#scan} found: where it is, its role, and what {@link ArmTemplates#check} found.
 *
 * <pre>{@code
 * for (ScannedTemplate t : report.templates()) {
 *     System.out.println(t.role() + " " + t.file() + ": " + t.findings().size() + " findings");
 * }
 * }</pre>
 */
public final class ScannedTemplate {
    private final Path file;
    private final TemplateRole role;
    private final List<Finding> findings;

    ScannedTemplate(Path file, TemplateRole role, List<Finding> findings) {
        this.file = file;
        this.role = role;
        this.findings = Collections.unmodifiableList(findings);
    }

    /** {@return the file} */
    public Path file() {
        return file;
    }

    /** {@return main, nested or linked} */
    public TemplateRole role() {
        return role;
    }

    /** {@return the findings, in file order} */
    public List<Finding> findings() {
        return findings;
    }
}
