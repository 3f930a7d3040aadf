package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile-time story of {@code configure(...)}: a partner who uses only standalone generated managers has no
 * azure-resourcemanager, and the factory's one call must still compile for them, keeping the manager's own type.
 * Compiled here with javac against this build's class path minus every azure-resourcemanager 2.x jar.
 */
class CompileTimeTest {
    static final String SOURCE = String.join("\n",
            "import com.azure.core.credential.TokenCredential;",
            "import com.azure.core.http.HttpPipeline;",
            "import com.azure.core.management.profile.AzureProfile;",
            "import com.azure.resourcemanager.appcontainers.ContainerAppsApiManager;",
            "import com.azure.resourcemanager.loganalytics.LogAnalyticsManager;",
            "import io.github.partnerattribution.azurecore.AttributedClientFactory;",
            "import io.github.partnerattribution.core.Attribution;",
            "import io.github.partnerattribution.core.PartnerId;",
            "",
            "class Provisioner {",
            "    static void run(TokenCredential credential, AzureProfile profile, HttpPipeline pipeline) {",
            "        AttributedClientFactory clients = AttributedClientFactory.create(",
            "                Attribution.of(PartnerId.parse(\"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\")));",
            "        ContainerAppsApiManager apps = clients.configure(ContainerAppsApiManager.configure())",
            "                .authenticate(credential, profile);",
            "        LogAnalyticsManager logs = LogAnalyticsManager.authenticate(clients.tag(pipeline), profile);",
            "    }",
            "}");

    static boolean isFluentArmJar(String path) {
        return new File(path).getName().matches("azure-resourcemanager(-[a-z]+)?-2\\.\\d+\\.\\d+\\.jar");
    }

    @Test
    void configureCompilesForAStandaloneManagerWithoutAzureResourceManager(@TempDir Path dir) throws IOException {
        List<String> all = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        String classPath = all.stream().filter(p -> !isFluentArmJar(p)).collect(Collectors.joining(File.pathSeparator));
        assertTrue(all.stream().anyMatch(CompileTimeTest::isFluentArmJar), "the build has azure-resourcemanager: " + all);
        assertFalse(classPath.contains("azure-resourcemanager-resources-2"), classPath);

        Path source = Files.write(dir.resolve("Provisioner.java"), SOURCE.getBytes(StandardCharsets.UTF_8));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-proc:none", "-classpath", classPath,
                "-d", dir.toString(), source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
        try (Stream<Path> out = Files.list(dir)) {
            assertTrue(out.anyMatch(p -> p.getFileName().toString().equals("Provisioner.class")));
        }
    }
}
