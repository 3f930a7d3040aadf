package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA002: The tracking deployment's name holds a malformed GUID. Applies to JSON and Bicep templates. */
final class MalformedGuidRule extends TrackingRule {
    MalformedGuidRule() {
        super("CUA002", "MalformedGuid", Severity.ERROR, "The tracking deployment's name holds a malformed GUID.",
                "Use the GUID registered in Partner Center: 32 hex digits grouped 8-4-4-4-12, e.g. pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site site : model.sites()) {
            if (site.decided() && site.guidProblem() != null) {
                report.report(site, site.namePosition(), "The tracking resource's name " + quote(site.shown()) + " holds a"
                        + " malformed GUID: " + site.guidProblem() + ".", help());
            }
        }
    }
}
