package io.github.partnerattribution.cli;

import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.operations.AttributionDoctor;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = PlainForms.DOCTOR, mixinStandardHelpOptions = true,
        description = "Show the effective attribution configuration of this environment: the partner id and its source,"
                + " the customer's opt-out, zero-code mode, the azure-core version and the exact User-Agent a new ARM"
                + " client would send. Exit 1 when a setting is invalid.",
        footer = {"", "Example:", "  AZURE_PARTNER_ID=1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d attribution doctor"})
final class DoctorCommand implements Callable<Integer> {
    /** The environment, replaceable by in-process tests. */
    static Supplier<Map<String, String>> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return print(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command's body, for picocli and for {@link FastPath}: the diagnosis, escaped, and the exit code. */
    static int print(PrintWriter out, PrintWriter err) {
        Map<String, String> properties = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            properties.put(name, System.getProperty(name));
        }
        AttributionDoctor doctor = AttributionDoctor.examine(properties, environment.get());
        for (String line : doctor.text().split("\n")) {
            out.println(Text.printable(line)); // settings can hold anything: escaped
        }
        if (!doctor.healthy()) {
            err.println("attribution: " + Text.printable(doctor.problem()));
            return AttributionCli.FINDINGS;
        }
        return 0;
    }
}
