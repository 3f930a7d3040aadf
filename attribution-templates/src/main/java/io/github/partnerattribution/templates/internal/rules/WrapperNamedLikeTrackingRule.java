package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonModel.NameKind;

/**
 * CUA019: A deployment that deploys resources is named pid-... without a GUID: a wrapper, not a tracking resource.
 * Applies to JSON templates.
 */
final class WrapperNamedLikeTrackingRule extends TemplateRule {
    WrapperNamedLikeTrackingRule() {
        super("CUA019", "WrapperNamedLikeTracking", Severity.INFO,
                "A deployment that deploys resources is named pid-... without a GUID.",
                "Nothing to fix: it is a wrapper (say, of a module that holds the tracking resource), not a tracking"
                        + " resource; rename it if pid- was meant to attribute it.");
    }

    @Override
    public void check(JsonModel model, Reporter report) {
        for (Candidate c : model.candidates()) {
            if (c.kind() == NameKind.WRAPPER) {
                report.report(at(c.name()), "The deployment " + quote(c.shown()) + " deploys resources and its name"
                        + " starts with pid- but holds no GUID: it is a wrapper, not a tracking resource, and"
                        + " attribution does not count it.", help());
            }
        }
    }
}
