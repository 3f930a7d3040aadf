package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every form the fast path runs gives what picocli gives, byte for byte and exit code for exit code; every other form
 * is left to picocli.
 */
class FastPathTest {
    static final String ID = CliTest.ID;

    @TempDir
    Path dir;

    static CliTest.Run fast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Integer exit = FastPath.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return exit == null ? null : new CliTest.Run(exit, out.toString(), err.toString());
    }

    List<String[]> forms() throws IOException {
        String schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
        Path good = Files.writeString(dir.resolve("mainTemplate.json"), "{ \"$schema\": \"" + schema + "\","
                + " \"resources\": [ { \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\","
                + " \"name\": \"pid-" + ID + "\", \"properties\": { \"mode\": \"Incremental\", \"template\":"
                + " { \"resources\": [] } } } ] }\n");
        Path missing = Files.writeString(dir.resolve("azuredeploy.json"), "{ \"$schema\": \"" + schema + "\","
                + " \"resources\": [] }\n");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"$schema\": \"" + schema + "\", \"resources\": [ }\n");
        List<String[]> forms = new ArrayList<>();
        forms.add(new String[] {"guid", "check", ID});
        forms.add(new String[] {"guid", "check", "PID-" + ID.toUpperCase(), "{" + ID + "}", "not-a-guid"});
        forms.add(new String[] {"guid", "check", "eb7927c8-dd66-43e1-b0cf-c346a422063"});
        forms.add(new String[] {"guid", "new", "--count", "0"});
        forms.add(new String[] {"guid", "new", "--count", "1001"});
        forms.add(new String[] {"user-agent", "--pid", ID});
        forms.add(new String[] {"user-agent", "--shell", "powershell", "--pid", ID});
        forms.add(new String[] {"user-agent", "--pid", ID, "--shell", "cmd"});
        forms.add(new String[] {"user-agent", "--pid", "pid-1b2c3d4e"});
        forms.add(new String[] {"template", "rules"});
        forms.add(new String[] {"template", "rules", "--verbose"});
        forms.add(new String[] {"template", "rules", "CUA003"});
        forms.add(new String[] {"template", "rules", "cua021", "--verbose"});
        forms.add(new String[] {"template", "check", good.toString()});
        forms.add(new String[] {"template", "check", good.toString(), missing.toString(), broken.toString()});
        forms.add(new String[] {"template", "check", dir.resolve("nowhere.json").toString()});
        forms.add(new String[] {"template", "check", dir.toString()});
        forms.add(new String[] {"template", "scan", dir.toString()});
        forms.add(new String[] {"template", "scan", Files.createDirectories(dir.resolve("empty")).toString()});
        forms.add(new String[] {"template", "scan", good.toString()});
        forms.add(new String[] {"notice", "--partner", "Contoso"});
        forms.add(new String[] {"notice", "--format", "markdown", "--kind", "sdk", "--partner", "Contoso Ltd."});
        forms.add(new String[] {"notice", "--partner", " "});
        forms.add(new String[] {"notice", "--partner", "Contoso", "--kind", "marketplace", "--opt-out-parameter", "enableTelemetry"});
        forms.add(new String[] {"notice", "--partner", "Contoso", "--kind", "sdk", "--opt-out-parameter", "enableTelemetry"});
        Path registry = Files.writeString(dir.resolve("pid.properties"), "offer.main=" + ID + "\noffer.trial=pid-" + ID
                .replace('1', '2') + "\n");
        Path bad = Files.writeString(dir.resolve("bad.properties"), "offer.main=" + ID + "\noffer.main=x\n");
        forms.add(new String[] {"registry", "list", "--file", registry.toString()});
        forms.add(new String[] {"registry", "list", "--file", bad.toString()});
        forms.add(new String[] {"registry", "list", "--file", dir.resolve("none.properties").toString()});
        return forms;
    }

    @Test
    void eachFastFormPrintsWhatPicocliPrints() throws IOException {
        for (String[] form : forms()) {
            CliTest.Run fast = fast(form);
            assertNotNull(fast, String.join(" ", form) + " runs fast");
            CliTest.Run picocli = CliTest.run(form);
            assertEquals(picocli, fast, String.join(" ", form));
        }
    }

    /** {@code doctor} reads the environment: each setting both ways, the escape sequence in the bad one included. */
    @Test
    void doctorPrintsWhatPicocliPrintsForEachSetting() {
        java.util.function.Supplier<java.util.Map<String, String>> real = DoctorCommand.environment;
        try {
            for (java.util.Map<String, String> env : List.of(java.util.Map.<String, String>of(),
                    java.util.Map.of("AZURE_PARTNER_ID", ID), java.util.Map.of("AZURE_PARTNER_ID", "not-a-guid\u001b[31m"),
                    java.util.Map.of("AZURE_PARTNER_ID", ID, "AZURE_PARTNER_ATTRIBUTION_DISABLED", "true"))) {
                DoctorCommand.environment = () -> env;
                CliTest.Run fast = fast("doctor");
                assertNotNull(fast, "doctor runs fast");
                assertEquals(CliTest.run("doctor"), fast, env.toString());
            }
        } finally {
            DoctorCommand.environment = real;
        }
    }

    @Test
    void guidNewPrintsAsManyGuidsAsAsked() {
        CliTest.Run one = fast("guid", "new");
        CliTest.Run three = fast("guid", "new", "--count", "3");
        assertTrue(one.out().matches("[0-9a-f-]{36}\n") && three.out().matches("([0-9a-f-]{36}\n){3}"), one + " " + three);
        assertEquals(CliTest.run("guid", "new", "--count", "3").out().length(), three.out().length());
    }

    @Test
    void everyOtherFormIsLeftToPicocli() {
        String[][] others = {
            {}, {"--help"}, {"guid"}, {"guid", "check"}, {"guid", "check", "--help"}, {"guid", "check", ID, "--debug"},
            {"guid", "check", "@args.txt"}, {"guid", "new", "--count=3"}, {"guid", "new", "--count", "-1"},
            {"guid", "new", "--count", "3", "--count", "4"}, {"user-agent"}, {"user-agent", "--pid"},
            {"user-agent", "--pid", ID, "--pid", ID}, {"user-agent", "--pid", ID, "--shell", "zsh"},
            {"user-agent", "--pid=" + ID}, {"template", "rules", "CUA999"}, {"template", "rules", "CUA003", "CUA004"},
            {"template", "check"}, {"template", "check", "--format", "json", "x.json"}, {"template", "check", "-"},
            {"template", "scan", "--format", "sarif", "."}, {"template", "scan", "a", "b"}, {"notice"},
            {"notice", "--partner", "Contoso", "--kind", "bogus"}, {"notice", "--partner"}, {"registry", "list"},
            {"registry", "list", "--file"}, {"registry", "check", "--file", "x"}, {"verify"}, {"--version"},
            {"doctor", "--help"}, {"doctor", "x"},
        };
        for (String[] form : others) {
            assertNull(fast(form), String.join(" ", form));
        }
    }
}
