package io.github.partnerattribution.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run {@code bin/attribution} records its class-data-sharing archive from, once per JDK and install: the local
 * commands, in process, on a small template and registry of their own, so that the classes they load are already
 * parsed and verified when a user runs them. Not for users; it writes only to a temp folder of its own, which it
 * removes.
 */
final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Main.quietNetty(); // as every run does; and the entry point's class is then in the archive too
        Path dir = Files.createTempDirectory("attribution-training");
        try {
            Path template = Files.write(dir.resolve("mainTemplate.json"), ("{\"$schema\":\"https://schema.management."
                    + "azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\"contentVersion\":\"1.0.0.0\","
                    + "\"resources\":[{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2021-04-01\","
                    + "\"name\":\"pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\",\"properties\":{\"mode\":\"Incremental\","
                    + "\"template\":{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/"
                    + "deploymentTemplate.json#\",\"contentVersion\":\"1.0.0.0\",\"resources\":[]}}}]}")
                    .getBytes(StandardCharsets.UTF_8));
            Path registry = Files.write(dir.resolve("pid.properties"),
                    "offer.main=1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\n".getBytes(StandardCharsets.UTF_8));
            String[][] runs = {
                {"guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"},
                {"guid", "new"},
                {"template", "check", template.toString()},
                {"template", "scan", dir.toString()},
                {"template", "rules"},
                {"notice", "--partner", "Contoso"},
                {"user-agent", "--pid", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"},
                {"registry", "list", "--file", registry.toString()},
                {"doctor"},
                {"--help"},
            };
            PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
            for (String[] run : runs) {
                FastPath.run(run, nowhere, nowhere); // the local commands' plain forms, as main runs them
                picocli.CommandLine cli = AttributionCli.commandLine(run);
                cli.setOut(nowhere);
                cli.setErr(nowhere);
                cli.execute(run);
            }
        } finally {
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
