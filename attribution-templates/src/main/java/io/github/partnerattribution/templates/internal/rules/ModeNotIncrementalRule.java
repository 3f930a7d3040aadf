package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonTree.Node;

/** CUA005: The tracking deployment's mode is not Incremental. Applies to JSON templates. */
final class ModeNotIncrementalRule extends TemplateRule {
    ModeNotIncrementalRule() {
        super("CUA005", "ModeNotIncremental", Severity.ERROR, "The tracking deployment's mode is not Incremental.",
                "Set \"mode\": \"Incremental\": Complete mode would delete the resource group's other resources.");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        for (Candidate c : model.trackingResources()) {
            Node properties = c.resource().get("properties");
            String mode = properties == null ? null : properties.string("mode");
            if (mode == null || !mode.equalsIgnoreCase("Incremental")) {
                report.report(at(properties == null ? c.resource() : properties), "The tracking resource's mode is "
                        + (mode == null ? "missing" : quote(mode)) + "; it must be Incremental (Complete would delete"
                        + " the resource group's other resources).", "Set \"mode\": \"Incremental\".");
            }
        }
    }
}
