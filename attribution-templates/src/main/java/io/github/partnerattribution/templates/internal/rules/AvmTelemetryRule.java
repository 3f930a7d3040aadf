package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/**
 * CUA021: A deployment is Azure Verified Modules' own telemetry ({@code 46d3xbcp....}), not a partner's id. Applies to
 * JSON and Bicep templates.
 */
final class AvmTelemetryRule extends TrackingRule {
    AvmTelemetryRule() {
        super("CUA021", "AvmTelemetry", Severity.INFO, "A deployment is Azure Verified Modules telemetry, not a partner id.",
                "It counts usage for the module's authors, not for you: keep it if you like, and add your own pid-<guid> tracking resource to the main template.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site c : model.candidates()) {
            if (c.kind() == NameKind.AVM_TELEMETRY) {
                report.report(c, c.namePosition(), "The deployment " + quote(c.raw()) + " is Azure Verified Modules"
                        + " telemetry (46d3xbcp...), not a partner id; a partner's own tracking resource is still needed"
                        + " in the main template.", help());
            }
        }
    }
}
