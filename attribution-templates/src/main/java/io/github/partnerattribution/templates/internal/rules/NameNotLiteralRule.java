package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;

/** CUA015: The tracking deployment's name is an expression, not a literal. Applies to JSON templates. */
final class NameNotLiteralRule extends TemplateRule {
    NameNotLiteralRule() {
        super("CUA015", "NameNotLiteral", Severity.INFO, "The tracking deployment's name is an expression, not a literal.",
                "Azure Marketplace publishing wants the literal name: write \"pid-<guid>\" for a Marketplace offer.");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        for (Candidate c : model.trackingResources()) {
            if (c.isExpression()) {
                report.report(at(c.name()), "The name is built by an expression (" + quote(c.raw()) + "); Azure"
                        + " Marketplace publishing wants the literal name.", "For a Marketplace offer, write \""
                        + (c.id() == null ? "pid-<guid>" : c.id().token()) + "\" literally.");
            }
        }
    }
}
