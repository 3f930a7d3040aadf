package io.github.partnerattribution.cli;

import io.github.partnerattribution.core.CustomerNotice;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "notice", mixinStandardHelpOptions = true,
        description = "Print the notice that tells customers about usage attribution and how to opt out.",
        footer = {"", "Example:  attribution notice --partner Contoso --kind sdk --format markdown"})
final class NoticeCommand implements Callable<Integer> {
    enum Kind { template, sdk }

    enum Format { text, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--partner", required = true, description = "The company name customers know.")
    String partner;

    @Option(names = "--kind", defaultValue = "template", description = "template or sdk (default ${DEFAULT-VALUE}).")
    Kind kind;

    @Option(names = "--format", defaultValue = "text", description = "text or markdown (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        return print(partner, kind, format, spec.commandLine().getOut());
    }

    /** Prints the notice; the one body of {@code notice}, for picocli and {@link FastPath}. */
    static int print(String partner, Kind kind, Format format, java.io.PrintWriter out) {
        CustomerNotice notice;
        try {
            notice = CustomerNotice.create(partner,
                    kind == Kind.sdk ? CustomerNotice.Kind.SDK : CustomerNotice.Kind.TEMPLATE);
        } catch (IllegalArgumentException e) {
            throw Failure.judged(e);
        }
        out.print(format == Format.markdown ? notice.markdown() : notice.text());
        out.flush();
        return 0;
    }
}
