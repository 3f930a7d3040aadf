package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.PackageModel;
import io.github.partnerattribution.templates.internal.JsonModel;

/** CUA023: The package's main template uses deployments for other purposes and has no tracking resource, so Partner Center refuses it. Applies to Marketplace deployment packages (.zip). */
final class PartnerCenterCannotAddTrackingRule extends TemplateRule {
    PartnerCenterCannotAddTrackingRule() {
        super("CUA023", "PartnerCenterCannotAddTrackingId", Severity.ERROR, "The package's main template uses deployments for other purposes and has no tracking resource, so Partner Center refuses it.",
                "Add your own tracking resource to mainTemplate.json (attribution template add --pid <guid> mainTemplate.json); Partner Center adds its own only to a main template without deployments.");
    }

    @Override
    public void check(PackageModel model, Context context, Reporter report) {
        JsonModel main = model.main();
        if (main == null || !main.checkable() || !main.sites().isEmpty() || main.topLevelDeployments() == 0) {
            return;
        }
        // about the main template: it is named, and the report does not call it ok
        report.reportIn(PackageModel.inside(context.file()).resolve(PackageModel.MAIN).toString(), model.start(),
                "Partner Center refuses this package (AzureAppCannotAddTrackingId): its "
                + PackageModel.MAIN + " deploys " + main.topLevelDeployments() + " Microsoft.Resources/deployments for"
                + " other purposes and carries no tracking resource, so Partner Center cannot add its own.", help());
    }
}
