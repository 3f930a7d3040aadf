package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/**
 * CUA009: The name is an expression that cannot be resolved statically (or holds a value from a file that cannot be
 * read). Applies to JSON and Bicep templates.
 */
final class NameNotResolvableRule extends TrackingRule {
    NameNotResolvableRule() {
        super("CUA009", "NameNotResolvable", Severity.WARNING, "The name is an expression that cannot be resolved statically.",
                "Write the name as a literal, \"pid-<guid>\", or build it from literals, variables and parameter defaults.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site c : model.candidates()) {
            if (c.nameParameter() != null && context.role() != TemplateRole.MAIN) {
                continue; // a module's name parameter: each caller's argument is judged where it is written
            }
            String because = c.unresolvedBecause() == null ? "" : " (" + c.unresolvedBecause() + ")";
            if (c.kind() == NameKind.UNRESOLVED_NAME) {
                report.report(c, c.namePosition(), "The name " + quote(c.raw()) + " is an expression that cannot be"
                        + " resolved without deploying" + because + ", so whether it is a valid tracking resource"
                        + " cannot be told.", help());
            } else if (c.kind() == NameKind.UNRESOLVED_GUID) {
                report.report(c, c.namePosition(), "The GUID in the name " + quote(c.raw()) + " cannot be resolved"
                        + " without deploying" + because + ", so whether it is well formed cannot be told.",
                        "Write the GUID as a literal, as a variable with a literal value, or in a file the template"
                                + " loads that is there.");
            }
        }
    }
}
