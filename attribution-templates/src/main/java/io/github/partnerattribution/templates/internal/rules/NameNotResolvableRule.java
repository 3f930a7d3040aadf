package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonModel.NameKind;

/** CUA009: The name is an expression that cannot be resolved statically. Applies to JSON templates. */
final class NameNotResolvableRule extends TemplateRule {
    NameNotResolvableRule() {
        super("CUA009", "NameNotResolvable", Severity.WARNING, "The name is an expression that cannot be resolved statically.",
                "Write the name as a literal, \"pid-<guid>\", or build it from literals, variables and parameter defaults.");
    }

    @Override
    public void check(JsonModel model, Reporter report) {
        for (Candidate c : model.candidates()) {
            if (c.kind() == NameKind.UNRESOLVED_NAME) {
                report.report(at(c.name()), "The name " + quote(c.raw()) + " is an expression that cannot be resolved"
                        + " without deploying, so whether it is a valid tracking resource cannot be told.",
                        "Write the name as a literal, \"pid-<guid>\", or build it from literals, variables and"
                                + " parameter defaults.");
            } else if (c.kind() == NameKind.UNRESOLVED_GUID) {
                report.report(at(c.name()), "The GUID in the name " + quote(c.raw()) + " cannot be resolved without"
                        + " deploying.", "Write the GUID as a literal or as a variable with a literal value.");
            }
        }
    }
}
