package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonModel.Scope;
import io.github.partnerattribution.templates.internal.JsonTree.Node;

/** CUA007: At resource group scope the tracking deployment has a location. Applies to JSON templates. */
final class LocationAtResourceGroupScopeRule extends TemplateRule {
    LocationAtResourceGroupScopeRule() {
        super("CUA007", "LocationAtResourceGroupScope", Severity.ERROR, "At resource group scope the tracking deployment has a location.",
                "Remove the location: a deployment into a resource group must not have one.");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        if (model.scope() != Scope.RESOURCE_GROUP) {
            return;
        }
        for (Candidate c : model.trackingResources()) {
            Node location = c.resource().get("location");
            if (c.level() == 0 && location != null) {
                report.report(at(location), "At resource group scope the tracking deployment must not have a"
                        + " location.", "Remove its location property.");
            }
        }
    }
}
