package io.github.partnerattribution.cli;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import io.github.partnerattribution.operations.PartnerAdminLink;
import io.github.partnerattribution.operations.support.ServerGuard;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "pal", mixinStandardHelpOptions = true,
        description = {"Partner Admin Link: link the identity you sign in with to your Partner ID from Partner Center"
                + " (a number), so that you are credited for the customer resources it manages.",
                "Customer usage attribution instead tags deployments and clients with a tracking GUID (pid-<guid>).",
                "Authenticates with AZURE_ACCESS_TOKEN when set, else azure-identity's default credential chain."},
        subcommands = {PalCommand.Show.class, PalCommand.Link.class, PalCommand.Unlink.class},
        footer = {"", "Example:  attribution pal link --partner-id 1234567"})
final class PalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", defaultValue = "https://management.azure.com/", scope = picocli.CommandLine.ScopeType.INHERIT,
            showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS, // a line of its own: the URL is never wrapped
            description = "The Resource Manager endpoint.")
    String endpoint;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Give up after this many seconds in all (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Bounds on what the endpoint may make pal do: a handful of small answers. */
    static final int MAX_REQUESTS = 20;
    static final long MAX_BODY_BYTES = 1L << 20;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Say which: show, link or unlink");
    }

    /**
     * Runs one PAL action through a pipeline that authenticates, stays on the endpoint and bounds the work as
     * verify's does, within --timeout in all. Its requests carry the tool's User-Agent and no partner id.
     */
    <T> T call(java.util.function.Function<PartnerAdminLink, T> action) {
        URI uri = VerifyCommand.endpoint(endpoint);
        ServerGuard guard = VerifyCommand.guard(uri, MAX_REQUESTS, MAX_BODY_BYTES);
        HttpPipeline pipeline = new HttpPipelineBuilder().policies(
                new UserAgentPolicy(null, VerifyCommand.TOOL, VerifyCommand.toolVersion(), null),
                guard.perCall(),
                guard.retryPolicy(),
                guard.perRetry(),
                new BearerTokenAuthenticationPolicy(VerifyCommand.credential(), uri.resolve("/.default").toString()))
                .build();
        PartnerAdminLink pal = PartnerAdminLink.create(pipeline, uri.toString());
        return EndpointCalls.within("pal", timeoutSeconds, guard, spec.commandLine().getErr(), () -> action.apply(pal));
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the identity's link: to any Partner ID, or to the one given.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        PalCommand parent;

        @Option(names = "--partner-id", description = "A Partner ID from Partner Center (a number).")
        String partnerId;

        @Override
        public Integer call() {
            String id = partnerId == null ? null : Failure.judging(() -> PartnerAdminLink.requirePartnerCenterId(partnerId));
            PartnerAdminLink.Link link = parent.call(pal -> id == null ? pal.show() : pal.show(id));
            if (link == null) {
                parent.spec.commandLine().getOut().println(partnerId == null ? "Not linked to any Partner ID."
                        : "Not linked to Partner ID " + partnerId.trim() + ".");
                return AttributionCli.FINDINGS;
            }
            parent.spec.commandLine().getOut().println("Linked: " + link.text());
            return 0;
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link the identity to a Partner ID (moving an existing link to it).")
    static final class Link implements Callable<Integer> {
        @ParentCommand
        PalCommand parent;

        @Option(names = "--partner-id", required = true, description = "Your Partner ID from Partner Center (a number).")
        String partnerId;

        @Override
        public Integer call() {
            String id = Failure.judging(() -> PartnerAdminLink.requirePartnerCenterId(partnerId));
            PartnerAdminLink.Link link = parent.call(pal -> pal.link(id));
            parent.spec.commandLine().getOut().println("Linked: " + link.text());
            return 0;
        }
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true,
            description = "Remove the identity's link: to the Partner ID given, or to whichever it is linked to.")
    static final class Unlink implements Callable<Integer> {
        @ParentCommand
        PalCommand parent;

        @Option(names = "--partner-id", description = "The Partner ID to unlink from (a number); without it, the"
                + " one the identity is linked to.")
        String partnerId;

        @Override
        public Integer call() {
            String given = partnerId == null ? null : Failure.judging(() -> PartnerAdminLink.requirePartnerCenterId(partnerId));
            String[] id = {given};
            boolean removed = parent.call(pal -> {
                if (id[0] == null) {
                    PartnerAdminLink.Link current = pal.show();
                    if (current == null) {
                        return false;
                    }
                    id[0] = current.partnerId();
                }
                return pal.unlink(id[0]);
            });
            parent.spec.commandLine().getOut().println(removed ? "Unlinked from Partner ID " + id[0] + "."
                    : id[0] == null ? "Not linked to any Partner ID; nothing to remove."
                    : "Was not linked to Partner ID " + id[0] + "; nothing to remove.");
            return 0;
        }
    }
}
