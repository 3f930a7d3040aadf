package io.github.partnerattribution.cli;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = PlainForms.GUID, description = "Make and check partner GUIDs.", mixinStandardHelpOptions = true,
        subcommands = {GuidCommand.New.class, GuidCommand.Check.class})
final class GuidCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = PlainForms.NEW, mixinStandardHelpOptions = true, description = "Print new random (version 4) GUIDs, one per line.",
            footer = {"", "Example:  attribution guid new --count 3"})
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = PlainForms.COUNT, defaultValue = PlainForms.COUNT_DEFAULT, description = "How many ("
                + PlainForms.COUNT_MIN + " to " + PlainForms.COUNT_MAX + "; default ${DEFAULT-VALUE}).")
        int count;

        @Override
        public Integer call() {
            return print(count, spec.commandLine().getOut());
        }

        /** Prints {@code count} new GUIDs; the one body of {@code guid new}, for picocli and {@link FastPath}. */
        static int print(int count, PrintWriter out) {
            if (count < PlainForms.COUNT_MIN || count > PlainForms.COUNT_MAX) {
                throw Failure.invalidInput(PlainForms.COUNT + " is " + count + "; give a number from "
                        + PlainForms.COUNT_MIN + " to " + PlainForms.COUNT_MAX);
            }
            for (int i = 0; i < count; i++) {
                out.println(PartnerId.random().guid());
            }
            return 0;
        }
    }

    @Command(name = PlainForms.CHECK, mixinStandardHelpOptions = true,
            description = "Check values: print each one's GUID and token, or its precise problem.",
            footer = {"", "Example:  attribution guid check pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "VALUE", description = "GUIDs in any accepted form.")
        List<String> values;

        @Override
        public Integer call() {
            return check(values, spec.commandLine().getOut());
        }

        /** Checks each value; the one body of {@code guid check}, for picocli and {@link FastPath}. */
        static int check(List<String> values, PrintWriter out) {
            int invalid = 0;
            for (String value : values) {
                try {
                    PartnerId id = PartnerId.parse(value);
                    out.println("ok       guid " + id.guid() + "  token " + id.token());
                } catch (InvalidPartnerIdException e) {
                    invalid++;
                    out.println("invalid  " + e.input() + ": " + e.problem());
                }
            }
            return invalid == 0 ? 0 : AttributionCli.FINDINGS;
        }
    }
}
