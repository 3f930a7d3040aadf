package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpPipeline;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each surefire run loads the azure-core it means to test: the BOM's in one, the supported floor in the other. */
@Tag("azure-core-only")
class AzureCoreVersionTest {
    @Test
    void runsOnTheIntendedAzureCoreVersion() {
        String expected = System.getProperty("expected.azure-core.version");
        String jar = HttpPipeline.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        String name = jar.substring(jar.lastIndexOf('/') + 1);
        assertTrue(name.matches("azure-core-" + Pattern.quote(expected) + "\\.jar"),
                "azure-core loaded from " + jar + ", expected version " + expected);
    }
}
