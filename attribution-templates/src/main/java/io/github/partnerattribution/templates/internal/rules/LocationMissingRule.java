package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel.Scope;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA006: Above resource group scope the tracking deployment needs a location. Applies to JSON templates and Bicep files. */
final class LocationMissingRule extends TrackingRule {
    LocationMissingRule() {
        super("CUA006", "LocationMissing", Severity.ERROR, "Above resource group scope the tracking deployment needs a location.",
                "At subscription, management group and tenant scope, add \"location\": \"[deployment().location]\".");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        if (model.scope() == Scope.RESOURCE_GROUP) {
            return;
        }
        for (Site c : model.candidates()) {
            if (c.decided() && !c.module() && c.level() == 0 && c.location() == null) {
                report.report(c.position(), "At " + model.scope().label() + " scope the tracking deployment needs"
                        + " a location.", "Add \"location\": \"[deployment().location]\".");
            }
        }
    }
}
