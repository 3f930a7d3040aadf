package com.contoso.app;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.storage.blob.BlobServiceClient;
import io.github.partnerattribution.test.ArmEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application against the emulator, as a deployment would, with the properties a test adds. */
final class Contexts {
    static final ArmEmulator ARM = ArmEmulator.start();
    static final String TOKEN = "secret-arm-token";

    static {
        // Spring Cloud Azure's clients use the JDK's trust: it holds the emulator's certificate for these tests.
        System.setProperty("javax.net.ssl.trustStore", ARM.trustStore().toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.trustStorePassword", ArmEmulator.TRUST_STORE_PASSWORD);
    }

    private Contexts() {
    }

    static ConfigurableApplicationContext start(String profile, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "contoso.arm.endpoint=" + ARM.endpoint(),
                "contoso.arm.tenant=" + ArmEmulator.DEFAULT_TENANT_ID,
                "contoso.arm.subscription=" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID,
                "contoso.arm.token=" + TOKEN,
                "spring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;AccountName=contoso;"
                        + "AccountKey=" + Base64.getEncoder().encodeToString("key".getBytes(StandardCharsets.UTF_8))
                        + ";BlobEndpoint=" + ARM.endpoint() + "contoso;"));
        all.addAll(List.of(properties));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ContosoApplication.class)
                .properties(all.toArray(new String[0]));
        if (profile != null) {
            builder.profiles(profile);
        }
        return builder.run();
    }

    /** One call through each client: the auto-configured blob client and the AzureResourceManager bean. */
    static void callAzure(ConfigurableApplicationContext context) {
        ARM.reset();
        try {
            context.getBean(BlobServiceClient.class).getBlobContainerClient("artifacts").exists();
        } catch (RuntimeException notAStorageAccount) {
            // the emulator is not Blob storage: the request it recorded is what counts
        }
        context.getBean(AzureResourceManager.class).resourceGroups().list().forEach(group -> { });
        if (ARM.requests().stream().noneMatch(r -> r.path().startsWith("/contoso/"))) {
            throw new AssertionError("the blob client sent nothing: " + ARM.requests());
        }
    }

    /** Which Spring Boot ran which test, for the invoker's check that both lines ran every test. */
    static void ran(Class<?> test) throws IOException {
        Path file = Paths.get("target", "boot-versions-tested.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SpringBootVersion.getVersion() + " " + test.getSimpleName() + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
