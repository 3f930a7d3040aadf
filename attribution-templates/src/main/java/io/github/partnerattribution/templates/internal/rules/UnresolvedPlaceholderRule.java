package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;

/** CUA010: The name holds a build placeholder ${...} with no value. Applies to JSON templates. */
final class UnresolvedPlaceholderRule extends TemplateRule {
    UnresolvedPlaceholderRule() {
        super("CUA010", "UnresolvedPlaceholder", Severity.WARNING, "The name holds a build placeholder ${...} with no value.",
                "Check with the properties file the build fills the template from (--properties pid.properties).");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        for (Candidate c : model.candidates()) {
            if (c.kind() == NameKind.UNFILLED_PLACEHOLDER && !UnfilledTrackingPlaceholderRule.judges(c, model)) {
                report.report(at(c.name()), "The name " + quote(c.raw()) + " holds the build placeholder "
                        + String.join(", ", c.missing()) + (model.options().properties().isEmpty() ? ", so whether"
                        + " this is the tracking resource cannot be told." : ", which the properties file does not"
                        + " define."), "Check with the properties file the build fills it from (--properties"
                        + " pid.properties).");
            }
        }
    }
}
