package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attribution emulator --seed demo} of the distribution, as a real process; then the lines it printed, run
 * as they are by a shell whose PATH has the distribution's bin: verify finds the seeded solution, pal links and
 * shows. Stopping the emulator removes its certificate file.
 */
class EmulatorCommandIT {
    @TempDir
    Path work;

    @Test
    void whatTheEmulatorPrintsIsEnoughToVerifyAndLink() throws Exception {
        Path bin = LauncherIT.DIST.resolve("bin").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("attribution").toString(), "emulator", "--seed", "demo");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ATTRIBUTION_CDS", "off");
        builder.redirectError(work.resolve("emulator.err").toFile());
        Process emulator = builder.start();
        try {
            List<String> printed = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                List<String> lines = new ArrayList<>();
                BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (line.startsWith("Serving until interrupted")) {
                        return lines;
                    }
                }
                throw new AssertionError("the emulator stopped before serving: " + lines + " "
                        + Files.readString(work.resolve("emulator.err")));
            });
            String certificate = printed.stream().filter(l -> l.startsWith("Certificate:  ")).findFirst().orElseThrow()
                    .substring("Certificate:  ".length()).split(" ")[0];
            assertTrue(Files.isRegularFile(Paths.get(certificate)), certificate);

            // the lines meant for another shell, exactly as printed
            StringBuilder script = new StringBuilder("set -e\n");
            for (String line : printed) {
                if (line.startsWith("  ")) {
                    script.append(line.trim()).append('\n');
                }
            }
            assertTrue(script.toString().contains("attribution verify --endpoint https://127.0.0.1:"), script.toString());
            Path file = Files.writeString(work.resolve("use-emulator.sh"), script);
            CliProcessIT.Result used = CliProcessIT.run(List.of("sh", file.toString()), Map.of(
                    "PATH", bin + ":" + System.getenv("PATH"), "JAVA_HOME", System.getProperty("java.home"),
                    "ATTRIBUTION_CDS", "off"));
            assertEquals(0, used.exit(), used.out() + used.err() + "\n" + script);
            assertTrue(used.out().startsWith("Found pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d in resource group contoso-demo"),
                    used.out());
            assertTrue(used.out().contains("/resourceGroups/contoso-demo/providers/Microsoft.Storage/storageAccounts/contosodemo\n"),
                    "the storage account named from the deployment's parameter value: " + used.out());
            assertTrue(used.out().contains("Linked: Partner ID 1234567"), used.out());

            // and without the trust options, a plain answer that says what to do
            CliProcessIT.Result untrusted = CliProcessIT.run(List.of(bin.resolve("attribution").toString(), "pal", "show",
                    "--endpoint", printed.get(0).substring("ARM emulator: ".length())), Map.of(
                    "JAVA_HOME", System.getProperty("java.home"), "ATTRIBUTION_CDS", "off", "AZURE_ACCESS_TOKEN", "t"));
            assertEquals(2, untrusted.exit());
            assertTrue(untrusted.err().startsWith("attribution: cannot reach the endpoint: its certificate is not trusted"
                    + " by this Java ("), untrusted.err());
            assertTrue(untrusted.err().contains("`attribution emulator` printed"), untrusted.err());
            assertFalse(untrusted.err().contains("still reading"), "a certificate failure is not retried: " + untrusted.err());

            emulator.destroy();
            assertTrue(emulator.waitFor(30, TimeUnit.SECONDS), "the emulator stops on SIGTERM");
            assertFalse(Files.exists(Paths.get(certificate)), "the certificate file goes with the emulator");
        } finally {
            emulator.destroyForcibly();
        }
    }
}
