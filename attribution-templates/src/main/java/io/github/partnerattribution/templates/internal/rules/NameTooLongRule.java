package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA008: The tracking deployment's name is over 64 characters. Applies to JSON templates and Bicep files. */
final class NameTooLongRule extends TrackingRule {
    private static final int MAX_NAME = 64;

    NameTooLongRule() {
        super("CUA008", "NameTooLong", Severity.ERROR, "The tracking deployment's name is over 64 characters.",
                "Deployment names are at most 64 characters: shorten the suffix, or wrap the name in take(..., 64).");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site c : model.candidates()) {
            if (c.decided() && c.complete() && c.shown().length() > MAX_NAME) {
                report.report(c, c.namePosition(), "The name is " + c.shown().length() + " characters long;"
                        + " deployment names are at most " + MAX_NAME + ".",
                        "Shorten the suffix, or wrap the name in take(..., 64).");
            }
        }
    }
}
