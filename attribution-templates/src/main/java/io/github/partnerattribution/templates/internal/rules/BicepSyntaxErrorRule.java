package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.BicepModel;

/** CUA026: The Bicep file has a syntax error. Applies to Bicep files. */
final class BicepSyntaxErrorRule extends TemplateRule {
    BicepSyntaxErrorRule() {
        super("CUA026", "BicepSyntaxError", Severity.ERROR, "The Bicep file has a syntax error.",
                "Correct the Bicep at the position given (bicep build shows the same place); the rest of the file was still checked.");
    }

    @Override
    public void check(BicepModel model, Context context, Reporter report) {
        for (BicepModel.SyntaxError e : model.syntaxErrors()) {
            report.report(e.position, "Bicep syntax error: " + e.message + ".", help());
        }
    }
}
