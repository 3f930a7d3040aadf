package io.github.partnerattribution.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.operations.internal.ArmIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar ids from a server are read against before any part of them goes into a request path. */
class ArmIdsTest {
    static final String D = "/providers/Microsoft.Resources/deployments/";

    @Test
    void eachScopeParsesIntoItsPartsAndAnEncodedPath() {
        ArmIds.DeploymentId rg = ArmIds.parseDeploymentId("/subscriptions/s-1/resourcegroups/Grüppe(1)" + D + "d.1");
        assertEquals("subscriptions/s-1/resourceGroups/Gr%C3%BCppe(1)", rg.scopePath());
        assertEquals("/subscriptions/s-1/resourceGroups/Grüppe(1)", rg.scopeId());
        assertEquals("d.1", rg.name());
        assertEquals("subscriptions/s-1", ArmIds.parseDeploymentId("/subscriptions/s-1" + D + "d").scopePath());
        assertEquals("providers/Microsoft.Management/managementGroups/contoso",
                ArmIds.parseDeploymentId("/providers/microsoft.management/managementgroups/contoso" + D + "d").scopePath());
        ArmIds.DeploymentId tenant = ArmIds.parseDeploymentId(D.substring(0, D.length() - 1) + "/d");
        assertEquals("", tenant.scopePath());
        assertEquals("", tenant.scopeId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/a?x=/providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/resourceGroups/../../providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/resourceGroups/./providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Resources/deployments/d?api-version=1999-01-01",
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Resources/deployments/d#x",
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Resources/deployments/",
        "/subscriptions/s/resourceGroups/rg%2Fx/providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/resourceGroups/r\u001bg/providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Resources/deployments/d\r\nX: 1",
        "/subscriptions/s/resourceGroups/r g/providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/resourceGroups/r\\g/providers/Microsoft.Resources/deployments/d",
        "/subscriptions//resourceGroups/rg/providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/resourceGroups/providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/locations/rg/providers/Microsoft.Resources/deployments/d",
        "/providers/Microsoft.Management/managementGroups/providers/Microsoft.Resources/deployments/d",
        "subscriptions/s/providers/Microsoft.Resources/deployments/d",
        "/subscriptions/s/providers/Microsoft.Web/sites/d",
        ""})
    void anIdOffTheGrammarIsRefusedSayingWhy(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArmIds.parseDeploymentId(id));
        assertTrue(e.getMessage().contains("deployment id"), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), e.getMessage());
    }

    @Test
    void namesAreSegments() {
        assertTrue(ArmIds.isSegment("pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
        assertTrue(ArmIds.isSegment("Microsoft.Template-20240101(1)"));
        for (String bad : new String[] {"", ".", "..", "a/b", "a b", "a%2F", "a?b", "a\u0000"}) {
            assertFalse(ArmIds.isSegment(bad), bad);
        }
        assertEquals("a%20b%2F%E2%82%AC~", ArmIds.encode("a b/€~"));
    }
}
