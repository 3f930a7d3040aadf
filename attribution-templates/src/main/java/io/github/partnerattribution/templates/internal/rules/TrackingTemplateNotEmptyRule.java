package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonTree.Node;

/** CUA004: The tracking deployment's template is not empty. Applies to JSON templates. */
final class TrackingTemplateNotEmptyRule extends TemplateRule {
    TrackingTemplateNotEmptyRule() {
        super("CUA004", "TrackingTemplateNotEmpty", Severity.ERROR, "The tracking deployment's template is not empty.",
                "The tracking deployment must hold an empty inline template: no templateLink, no resources.");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        for (Candidate c : model.trackingResources()) {
            Node properties = c.resource().get("properties");
            Node inner = properties == null ? null : properties.get("template");
            if (properties != null && properties.get("templateLink") != null) {
                report.report(at(c.resource()), "The tracking resource links a template; it must hold an empty inline"
                        + " template.", "Replace templateLink with an inline template whose resources are empty.");
            } else if (inner != null && inner.get("resources") != null && !inner.get("resources").elements().isEmpty()) {
                report.report(at(inner.get("resources")), "The tracking resource's inner template deploys "
                        + inner.get("resources").elements().size() + " resource(s); it must deploy none.",
                        "Empty its resources; deploy the solution's resources elsewhere.");
            }
        }
    }
}
