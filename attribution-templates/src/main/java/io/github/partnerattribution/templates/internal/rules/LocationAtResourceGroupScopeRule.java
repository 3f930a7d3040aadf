package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel.Scope;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA007: At resource group scope the tracking deployment has a location. Applies to JSON templates and Bicep files. */
final class LocationAtResourceGroupScopeRule extends TrackingRule {
    LocationAtResourceGroupScopeRule() {
        super("CUA007", "LocationAtResourceGroupScope", Severity.ERROR, "At resource group scope the tracking deployment has a location.",
                "Remove the location: a deployment into a resource group must not have one.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        if (model.scope() != Scope.RESOURCE_GROUP) {
            return;
        }
        for (Site c : model.candidates()) {
            if (c.decided() && !c.module() && c.level() == 0 && c.location() != null) {
                report.report(c.location().at, "At resource group scope the tracking deployment must not have a"
                        + " location.", "Remove its location property.");
            }
        }
    }
}
