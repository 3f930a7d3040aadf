package io.github.partnerattribution.cli;

import io.github.partnerattribution.core.CustomerNotice;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = PlainForms.NOTICE, mixinStandardHelpOptions = true,
        description = "Print the notice that tells customers about usage attribution and how to opt out.",
        footer = {"", "Examples:", "  attribution notice --partner Contoso --kind sdk --format markdown",
                "  attribution notice --partner Contoso --kind marketplace \\",
                "      --opt-out-parameter enableTelemetry"})
final class NoticeCommand implements Callable<Integer> {
    enum Kind { template, marketplace, sdk }

    enum Format { text, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = PlainForms.PARTNER, required = true, description = "The company name customers know.")
    String partner;

    @Option(names = PlainForms.KIND, defaultValue = PlainForms.KIND_DEFAULT, description = "template (a template the customer deploys),"
            + " marketplace (a Marketplace Azure Application, deployed from the portal as published) or sdk (default"
            + " ${DEFAULT-VALUE}).")
    Kind kind;

    @Option(names = PlainForms.OPT_OUT_PARAMETER, paramLabel = "NAME", description = "The template's parameter that switches"
            + " attribution (template add --opt-out-parameter): the notice tells customers to opt out with it.")
    String optOutParameter;

    @Option(names = PlainForms.FORMAT, defaultValue = PlainForms.FORMAT_DEFAULT, description = "text or markdown (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        return print(partner, kind, optOutParameter, format, spec.commandLine().getOut());
    }

    /** Prints the notice; the one body of {@code notice}, for picocli and {@link FastPath}. */
    static int print(String partner, Kind kind, String optOutParameter, Format format, java.io.PrintWriter out) {
        CustomerNotice notice = Failure.judging(() -> {
            CustomerNotice made = CustomerNotice.create(partner, kind == Kind.sdk ? CustomerNotice.Kind.SDK
                    : kind == Kind.marketplace ? CustomerNotice.Kind.MARKETPLACE : CustomerNotice.Kind.TEMPLATE);
            return optOutParameter == null ? made : made.withOptOutParameter(optOutParameter);
        });
        out.print(format == Format.markdown ? notice.markdown() : notice.text());
        out.flush();
        return 0;
    }
}
