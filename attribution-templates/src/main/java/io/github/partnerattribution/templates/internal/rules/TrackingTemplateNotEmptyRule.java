package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA004: The tracking deployment's template is not empty. Applies to JSON templates and Bicep files. */
final class TrackingTemplateNotEmptyRule extends TrackingRule {
    TrackingTemplateNotEmptyRule() {
        super("CUA004", "TrackingTemplateNotEmpty", Severity.ERROR, "The tracking deployment's template is not empty.",
                "The tracking deployment must hold an empty inline template: no templateLink, no resources.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site c : model.candidates()) {
            if (!c.decided() || c.module()) {
                continue;
            }
            if (c.linksTemplate()) {
                report.report(c.position(), "The tracking resource links a template; it must hold an empty inline"
                        + " template.", "Replace templateLink with an inline template whose resources are empty.");
            } else if (c.innerResources() > 0) {
                report.report(c.innerResourcesPosition(), "The tracking resource's inner template deploys "
                        + c.innerResources() + " resource(s); it must deploy none.",
                        "Empty its resources; deploy the solution's resources elsewhere.");
            }
        }
    }
}
