package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;

/** CUA008: The tracking deployment's name is over 64 characters. Applies to JSON templates. */
final class NameTooLongRule extends TemplateRule {
    private static final int MAX_NAME = 64;

    NameTooLongRule() {
        super("CUA008", "NameTooLong", Severity.ERROR, "The tracking deployment's name is over 64 characters.",
                "Deployment names are at most 64 characters: shorten the suffix, or wrap the name in take(..., 64).");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        for (Candidate c : model.trackingResources()) {
            if (c.complete() && c.known().length() > MAX_NAME) {
                report.report(c, at(c.name()), "The name is " + c.known().length() + " characters long; deployment"
                        + " names are at most " + MAX_NAME + ".", "Shorten the suffix, or wrap the name in take(..., 64).");
            }
        }
    }
}
