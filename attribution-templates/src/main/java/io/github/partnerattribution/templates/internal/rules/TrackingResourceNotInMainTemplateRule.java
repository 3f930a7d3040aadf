package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;
import java.util.Locale;

/** CUA003: A tracking deployment stands in a nested or linked template. Applies to JSON and Bicep templates. */
final class TrackingResourceNotInMainTemplateRule extends TrackingRule {
    TrackingResourceNotInMainTemplateRule() {
        super("CUA003", "TrackingResourceNotInMainTemplate", Severity.ERROR, "A tracking deployment stands in a nested or linked template.",
                "Move it to the main template (mainTemplate.json, azuredeploy.json or main.bicep); nested and linked templates must not hold one.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site site : model.sites()) {
            if (site.decided() && (context.role() == TemplateRole.NESTED || context.role() == TemplateRole.LINKED
                    || site.level() > 0) && !ModuleTelemetryRule.applies(site, context)) {
                report.report(site, site.position(), "A tracking resource (" + quote(site.raw()) + ") stands in a "
                        + (site.level() > 0 ? "nested template inside this file"
                                : context.role().name().toLowerCase(Locale.ROOT) + " template")
                        + "; attribution only counts it in the main template.",
                        "Move it to the main template (mainTemplate.json, azuredeploy.json or main.bicep).");
            }
        }
    }
}
