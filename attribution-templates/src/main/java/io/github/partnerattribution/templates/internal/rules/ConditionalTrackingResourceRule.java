package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA014: The tracking deployment is deployed under a condition. Applies to JSON and Bicep templates. */
final class ConditionalTrackingResourceRule extends TrackingRule {
    ConditionalTrackingResourceRule() {
        super("CUA014", "ConditionalTrackingResource", Severity.INFO, "The tracking deployment is deployed under a condition.",
                "Nothing to fix if the condition is the customer's opt-out; otherwise deployments where it is false are not attributed.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site site : model.sites()) {
            if (!site.decided() || site.condition() == null) {
                continue;
            }
            if (site.switchParameter() != null) {
                report.report(site, site.condition(), "The tracking resource is deployed only as the parameter "
                        + site.switchParameter() + " says: the customer's opt-out. Deployments that opt out are not"
                        + " attributed, and the main template still carries its tracking resource.", "Nothing to fix:"
                        + " say in the customer notice how to opt out (attribution notice --opt-out-parameter "
                        + site.switchParameter() + ").");
            } else {
                report.report(site, site.condition(), "The tracking resource is deployed only under a condition; deployments"
                        + " where it is false are not attributed.", "Nothing to fix if the condition is the customer's"
                        + " opt-out.");
            }
        }
    }
}
