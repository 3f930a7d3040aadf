package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.PartnerIdRegistry;
import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.TemplateOptions.RegisteredId;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * CUA031: The tracking resource's GUID is not the one the registry holds for the offer and channel. Applies to JSON
 * and Bicep main templates checked with a registry ({@code --registry FILE --offer OFFER --channel CHANNEL}); without
 * one it finds nothing.
 */
final class UnregisteredPartnerIdRule extends TrackingRule {
    UnregisteredPartnerIdRule() {
        super("CUA031", "UnregisteredPartnerId", Severity.ERROR,
                "The tracking resource's GUID is not the one the registry holds for the offer and channel.",
                "Set the registered id: attribution template replace --pid $(attribution registry get --file <registry>"
                        + " <offer> <channel>) <file>.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        RegisteredId registered = context.options().registeredId();
        if (registered == null || context.role() != TemplateRole.MAIN) {
            // elsewhere a pid- deployment is a stray (CUA003) or a module's own telemetry (CUA027), not the partner's
            return;
        }
        for (Site site : model.sites()) {
            PartnerId found = site.decided() ? site.id() : null;
            if (found == null || found.guid().equals(registered.id().guid())) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (PartnerIdRegistry.Entry e : registered.registry().entries()) {
                if (e.partnerId().guid().equals(found.guid())) {
                    keys.add(e.key());
                }
            }
            String source = registered.registry().source();
            report.report(site, site.namePosition(), "The tracking resource's GUID " + found.guid() + " is not the one "
                    + source + " holds for " + registered.key() + " (" + registered.id().guid() + "): " + (keys.isEmpty()
                    ? "it is in no entry of the registry (another partner's, a colleague's or a sample's id?)"
                    : "it is registered for " + String.join(", ", keys)) + ". Usage deployed with it is credited to"
                    + " that id, not to " + registered.key() + ".", "Run: attribution template replace --pid "
                    + registered.id().guid() + " " + context.file());
        }
    }
}
