package io.github.partnerattribution.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The versions the agent knows: the floor to the newest, any patch; nothing else, and nothing unreadable. */
class AzureCoreVersionsTest {
    @ParameterizedTest
    @CsvSource({"1.37.0, true", "1.57.0, true", "1.57.9, true", "1.45.0-beta.1, true", "1.36.0, false",
        "1.58.0, false", "2.40.0, false", "0.37.0, false", "1.x.0, false", "'', false"})
    void aVersionIsKnownOnlyInsideTheRange(String version, boolean known) {
        assertEquals(known, new AzureCoreVersions.Found(version, null).known());
    }

    @ParameterizedTest
    @CsvSource({"azure-core.floor.version", "azure-core.bom.version"})
    void theFloorAndTheNewestThePomTestsAreKnown(String property) {
        String version = System.getProperty(property);
        assertEquals(true, new AzureCoreVersions.Found(version, null).known(), property + " " + version);
    }

    @org.junit.jupiter.api.Test
    void theRangeStartsAtThePomsFloor() {
        assertEquals(System.getProperty("azure-core.floor.version"), "1." + AzureCoreVersions.FLOOR_MINOR + ".0");
    }
}
