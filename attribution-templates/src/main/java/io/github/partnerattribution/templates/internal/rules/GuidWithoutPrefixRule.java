package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA016: An empty deployment is named with a GUID that lacks the pid- prefix. Applies to JSON and Bicep templates. */
final class GuidWithoutPrefixRule extends TrackingRule {
    GuidWithoutPrefixRule() {
        super("CUA016", "GuidWithoutPrefix", Severity.WARNING, "An empty deployment is named with a GUID that lacks the pid- prefix.",
                "Customer usage attribution only counts names that start with pid-: name it pid-<guid>.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site c : model.candidates()) {
            if (c.kind() == NameKind.BARE_GUID) {
                report.report(c, c.namePosition(), "This empty deployment is named with a bare GUID, "
                        + quote(c.shown()) + "; customer usage attribution only counts names that start with pid-.",
                        "If it is meant for attribution, name it pid-" + c.shown() + ".");
            }
        }
    }
}
