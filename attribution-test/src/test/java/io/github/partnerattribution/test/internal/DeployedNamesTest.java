package io.github.partnerattribution.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DeployedNamesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namesTheEvaluatorCannotTellAreNumberedAndOpaqueCharactersDerived() throws Exception {
        JsonNode template = JSON.readTree("{\"parameters\":{\"p\":{\"type\":\"string\"}},\"resources\":["
                + "{\"type\":\"A.B/c\",\"name\":\"[concat('st', uniqueString(resourceGroup().id))]\"},"
                + "{\"type\":\"A.B/c\",\"name\":\"[parameters('p')]\"},"
                + "{\"type\":\"A.B/c\",\"name\":\"[[literal]\"},"
                + "{\"type\":\"A.B/c\",\"name\":\"[reference('x').name]\"}]}");
        DeployedNames names = new DeployedNames(template, JSON.readTree("{\"P\":{\"value\":\"given\"}}"));
        String unique = names.of("[concat('st', uniqueString(resourceGroup().id))]", 1);
        assertTrue(unique.matches("st[a-z]{13}"), unique);
        assertEquals(unique, new DeployedNames(template, JSON.readTree("{\"P\":{\"value\":\"given\"}}"))
                .of("[concat('st', uniqueString(resourceGroup().id))]", 1), "the same deployment, the same name");
        assertEquals("given", names.of("[parameters('p')]", 2), "parameter names ignore case, as ARM's do");
        assertEquals("[literal]", names.of("[[literal]", 3));
        assertEquals("resource4", names.of("[reference('x').name]", 4));
        assertEquals("resource5", names.of("", 5));
    }
}
