package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.internal.TrackingModel;

/** CUA001: The main template has no pid-<guid> tracking deployment. Applies to JSON and Bicep templates. */
final class MissingTrackingResourceRule extends TrackingRule {
    MissingTrackingResourceRule() {
        super("CUA001", "MissingTrackingResource", Severity.ERROR, "The main template has no pid-<guid> tracking deployment.",
                "Add an empty deployment named pid-<guid> to the main template, for example with attribution template add --pid <guid> <file>.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        if (context.role() != TemplateRole.MAIN || context.partnerCenterMain() || !model.sites().isEmpty()) {
            // a package's main template is judged by Partner Center's rules instead (CUA023)
            return;
        }
        StringBuilder why = new StringBuilder();
        for (TrackingModel.Site c : model.candidates()) {
            if (c.kind() == TrackingModel.NameKind.CANNOT_BE_TRACKING && why.length() == 0) {
                why.append(" The empty deployment ").append(quote(c.raw())).append(" is none: ")
                        .append(c.unresolvedBecause()).append('.');
            }
        }
        if (context.deployedAt() != null) {
            why.append(" It is deployed directly (").append(context.deployedAt()).append("), so it is a main template"
                    + " even if another template links it too.");
        }
        report.report(model.start(), "The main template has no tracking resource: no deployment named pid-<guid>, so no"
                + " deployment of it is attributed." + why, "Run: attribution template add --pid <your guid> "
                + context.file());
    }
}
