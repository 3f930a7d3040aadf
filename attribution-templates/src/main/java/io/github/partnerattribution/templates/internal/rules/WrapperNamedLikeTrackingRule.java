package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/**
 * CUA019: A deployment (or Bicep module) that deploys resources is named pid-... without a GUID. Applies to JSON and
 * Bicep templates.
 */
final class WrapperNamedLikeTrackingRule extends TrackingRule {
    WrapperNamedLikeTrackingRule() {
        super("CUA019", "WrapperNamedLikeTracking", Severity.INFO,
                "A deployment that deploys resources is named pid-... without a GUID.",
                "Nothing to fix: it is a wrapper (say, of a module that holds the tracking resource), not a tracking"
                        + " resource; rename it if pid- was meant to attribute it.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site c : model.candidates()) {
            if (c.kind() == NameKind.WRAPPER) {
                report.report(c, c.namePosition(), "The deployment " + quote(c.shown()) + " deploys resources and"
                        + " its name starts with pid- but holds no GUID: it is a wrapper, not a tracking resource, and"
                        + " attribution does not count it.", help());
            }
        }
    }
}
