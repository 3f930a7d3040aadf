package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.DeploymentApiVersions;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Property;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/**
 * CUA029: The tracking deployment's apiVersion is more than 730 days old, which arm-ttk fails. Applies to JSON and
 * Bicep templates. The date it judges against is the check's clock ({@code TemplateOptions.withClock}), as arm-ttk
 * judges against the day it runs.
 */
final class TrackingApiVersionOldRule extends TrackingRule {
    TrackingApiVersionOldRule() {
        super("CUA029", "TrackingApiVersionOld", Severity.WARNING,
                "The tracking deployment's apiVersion is more than 730 days old, which arm-ttk fails.",
                "Run: attribution template api-version <file> (sets " + DeploymentApiVersions.NEWEST + ", changing"
                        + " nothing else); keep an older one only for a cloud that lags, such as Azure Stack Hub.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        java.time.LocalDate today = context.options().today();
        for (Site site : model.sites()) {
            Property version = site.apiVersion();
            long days = !site.decided() || version == null ? -1 : DeploymentApiVersions.tooOld(version.value, today);
            if (days >= 0) {
                report.report(site, version.at, "The tracking deployment's apiVersion " + version.value + " is " + days
                        + " days old on " + today + ": arm-ttk's test \"apiVersions Should Be Recent\" fails an"
                        + " apiVersion more than " + DeploymentApiVersions.ARM_TTK_MAX_AGE_DAYS + " days old unless it"
                        + " is the newest, and Marketplace reviews expect that test to pass. The newest stable one is "
                        + DeploymentApiVersions.NEWEST + ".", "Run: attribution template api-version " + context.file()
                        + " (sets " + DeploymentApiVersions.NEWEST + " and changes nothing else).");
            }
        }
    }
}
