package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonModel.Scope;

/** CUA006: Above resource group scope the tracking deployment needs a location. Applies to JSON templates. */
final class LocationMissingRule extends TemplateRule {
    LocationMissingRule() {
        super("CUA006", "LocationMissing", Severity.ERROR, "Above resource group scope the tracking deployment needs a location.",
                "At subscription, management group and tenant scope, add \"location\": \"[deployment().location]\".");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        if (model.scope() == Scope.RESOURCE_GROUP) {
            return;
        }
        for (Candidate c : model.trackingResources()) {
            if (c.level() == 0 && c.resource().get("location") == null) {
                report.report(at(c.resource()), "At " + model.scope().label() + " scope the tracking deployment needs"
                        + " a location.", "Add \"location\": \"[deployment().location]\".");
            }
        }
    }
}
