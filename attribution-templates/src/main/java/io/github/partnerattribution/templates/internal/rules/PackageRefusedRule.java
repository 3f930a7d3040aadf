package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.PackageModel;

/** CUA025: The deployment package cannot be read safely: it is damaged or not a plain archive of files. Applies to Marketplace deployment packages (.zip). */
final class PackageRefusedRule extends TemplateRule {
    PackageRefusedRule() {
        super("CUA025", "PackageRefused", Severity.ERROR, "The deployment package cannot be read safely: it is damaged or not a plain archive of files.",
                "Build the .zip again from the solution's files: plain files only, relative names, each once, no encryption.");
    }

    @Override
    public void check(PackageModel model, Context context, Reporter report) {
        if (model.refusedBecause() != null) {
            report.report(model.start(), "The package was not read: " + model.refusedBecause() + ". Nothing in it was"
                    + " checked, and nothing was extracted.", help());
        }
    }
}
