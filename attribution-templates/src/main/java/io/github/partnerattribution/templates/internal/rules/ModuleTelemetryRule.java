package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/**
 * CUA027: A module's own usage telemetry, switched by its telemetry parameter, stands in a linked or nested template.
 * Applies to JSON and Bicep templates.
 */
final class ModuleTelemetryRule extends TrackingRule {
    ModuleTelemetryRule() {
        super("CUA027", "ModuleTelemetry", Severity.INFO, "A module's own usage telemetry, switched by its telemetry parameter.",
                "It counts usage for the module's authors, not for you: leave it, and add your own pid-<guid> tracking resource to the main template.");
    }

    /** Whether a site in this role is the module's own telemetry rather than a misplaced tracking resource. */
    static boolean applies(Site site, Context context) {
        return site.telemetrySwitch() != null && (context.role() == TemplateRole.NESTED
                || context.role() == TemplateRole.LINKED || context.role() == TemplateRole.HELPER || site.level() > 0);
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site site : model.sites()) {
            if (site.decided() && applies(site, context)) {
                report.report(site, site.position(), "The deployment " + quote(site.raw()) + " is switched by this"
                        + " module's own telemetry parameter, " + site.telemetrySwitch() + ": it is usage telemetry for"
                        + " the module's authors, not a partner's misplaced tracking resource; yours belongs in the main"
                        + " template.", help());
            }
        }
    }
}
