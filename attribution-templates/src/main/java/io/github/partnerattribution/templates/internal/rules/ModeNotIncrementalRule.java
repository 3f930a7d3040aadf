package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Property;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA005: The tracking deployment's mode is not Incremental. Applies to JSON templates and Bicep files. */
final class ModeNotIncrementalRule extends TrackingRule {
    ModeNotIncrementalRule() {
        super("CUA005", "ModeNotIncremental", Severity.ERROR, "The tracking deployment's mode is not Incremental.",
                "Set \"mode\": \"Incremental\": Complete mode would delete the resource group's other resources.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site c : model.candidates()) {
            if (!c.decided() || c.module()) {
                continue;
            }
            Property mode = c.mode();
            String value = mode == null ? null : mode.value != null ? mode.value : mode.raw;
            if (value == null || !value.equalsIgnoreCase("Incremental")) {
                report.report(c.propertiesPosition(), "The tracking resource's mode is "
                        + (value == null ? "missing" : quote(value)) + "; it must be Incremental (Complete would delete"
                        + " the resource group's other resources).", "Set \"mode\": \"Incremental\".");
            }
        }
    }
}
