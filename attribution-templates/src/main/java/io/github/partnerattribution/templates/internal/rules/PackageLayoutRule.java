package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.PackageModel;

/** CUA022: The deployment package does not have its main template and UI definition at its root. Applies to Marketplace deployment packages (.zip). */
final class PackageLayoutRule extends TemplateRule {
    PackageLayoutRule() {
        super("CUA022", "PackageLayout", Severity.ERROR, "The deployment package does not have its main template and UI definition at its root.",
                "Partner Center reads mainTemplate.json and createUiDefinition.json at the root of the .zip only: zip the files themselves, not the folder that holds them.");
    }

    @Override
    public void check(PackageModel model, Context context, Reporter report) {
        if (model.refusedBecause() != null) {
            return;
        }
        if (!model.mainAtRoot()) {
            report.report(model.start(), "The package has no " + PackageModel.MAIN + " at the root of the archive"
                    + elsewhere(model.misplacedMain()) + "; Partner Center reads only that one.", help());
        }
        if (!model.uiAtRoot()) {
            report.report(model.start(), "The package has no " + PackageModel.UI + " at the root of the archive"
                    + elsewhere(model.misplacedUi()) + "; Partner Center needs it beside the main template.", help());
        } else if (model.uiProblem() != null) {
            report.report(model.start(), "The package's " + PackageModel.UI + " is not a UI definition: "
                    + model.uiProblem() + ".", "Give it a $schema naming a CreateUIDefinition schema and \"handler\":"
                    + " \"Microsoft.Azure.CreateUIDef\", as Partner Center expects.");
        }
    }

    private static String elsewhere(java.util.List<String> names) {
        return names.isEmpty() ? "" : " (it holds " + String.join(", ", names) + ")";
    }
}
