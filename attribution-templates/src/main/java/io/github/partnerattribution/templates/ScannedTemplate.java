package io.github.partnerattribution.templates;

import io.github.partnerattribution.core.PartnerId;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * One template {@link ArmTemplates#scan} found: where it is, its role, the partner ids it carries, and what
 * {@link ArmTemplates#check} found.
 *
 * <pre>{@code
 * for (ScannedTemplate t : report.templates()) {
 *     System.out.println(t.role() + " " + t.file() + " " + t.partnerIds() + ": " + t.findings().size() + " findings");
 * }
 * }</pre>
 */
public final class ScannedTemplate {
    private final Path file;
    private final TemplateRole role;
    private final List<Finding> findings;
    private final List<PartnerId> partnerIds;

    ScannedTemplate(Path file, TemplateRole role, List<Finding> findings, List<PartnerId> partnerIds) {
        this.file = file;
        this.role = role;
        this.findings = Collections.unmodifiableList(findings);
        this.partnerIds = partnerIds;
    }

    /** {@return the file} */
    public Path file() {
        return file;
    }

    /** {@return main, nested or linked} */
    public TemplateRole role() {
        return role;
    }

    /**
     * {@return the partner ids of its tracking resources (top level), each once, in file order; empty when it has
     * none, and for a package, whose templates are listed on their own}
     */
    public List<PartnerId> partnerIds() {
        return partnerIds;
    }

    /** {@return the findings, in file order} */
    public List<Finding> findings() {
        return findings;
    }
}
