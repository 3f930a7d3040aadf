package com.contoso.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The executable jar as an operator runs it: java -jar, the agent in JAVA_TOOL_OPTIONS, the id in the environment. */
class AgentOnTheExecutableJarIT {
    static final PartnerId ID = PartnerId.parse("pid-3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");

    static final boolean WITH_STARTER = Boolean.getBoolean("with.starter");

    @Test
    void everyRequestOfTheJarsNestedAzureCoreCarriesTheIdOnce() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            String output = run(arm, Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + System.getProperty("agent.jar"),
                    "AZURE_PARTNER_ID", ID.guid()));

            arm.assertEveryRequestCarries(ID);
            assertTrue(output.contains("loaded by org.springframework.boot.loader"), output);
            assertTrue(output.contains("BOOT-INF/lib/azure-core-"), output);
            if (WITH_STARTER) {
                // The starter's zero-code mode attributes the ARM client; the agent leaves that pipeline to it, and
                // Actuator shows the agent attached.
                assertTrue(output.contains("already carries the library's"), output);
                assertTrue(output.contains("javaAgent=[attached from " + System.getProperty("agent.jar")), output);
            } else {
                assertTrue(output.contains("visible agent classes: none"), output);
            }
        }
    }

    @Test
    void withoutTheAgentTheJarSendsNoIdUnlessItCarriesTheStarter() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            String output = run(arm, Map.of("AZURE_PARTNER_ID", ID.guid()));

            if (WITH_STARTER) {
                arm.assertEveryRequestCarries(ID); // the starter's own zero-code mode: once, as with the agent
                assertTrue(output.contains("javaAgent=[]"), output);
            } else {
                arm.assertNoRequestCarriesAPartnerId();
            }
        }
    }

    private static String run(ArmEmulator arm, Map<String, String> environment) throws Exception {
        Path log = Files.createTempFile(Paths.get("target"), "service", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavax.net.ssl.trustStore=" + arm.trustStore(), "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + ArmEmulator.TRUST_STORE_PASSWORD,
                "-jar", System.getProperty("boot.jar"), arm.endpoint()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AZURE_") || name.startsWith("ARM_")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not end within 3 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
