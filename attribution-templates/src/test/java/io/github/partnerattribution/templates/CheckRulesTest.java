package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static io.github.partnerattribution.templates.Fixtures.RG;
import static io.github.partnerattribution.templates.Fixtures.SUB;
import static io.github.partnerattribution.templates.Fixtures.check;
import static io.github.partnerattribution.templates.Fixtures.codes;
import static io.github.partnerattribution.templates.Fixtures.storage;
import static io.github.partnerattribution.templates.Fixtures.template;
import static io.github.partnerattribution.templates.Fixtures.tracking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One positive and one negative case per finding code. */
class CheckRulesTest {
    static final String GOOD = template(RG, "", storage(), tracking(ID.token(), ""));

    static void has(String code, List<Finding> findings) {
        assertTrue(codes(findings).contains(code), () -> "expected " + code + " in " + findings);
    }

    static void hasNot(String code, List<Finding> findings) {
        assertFalse(codes(findings).contains(code), () -> "did not expect " + code + " in " + findings);
    }

    @Test
    void aCorrectTemplateHasNoFindings() {
        assertEquals(List.of(), check(GOOD));
    }

    @Test
    void cua001MissingTrackingResource() {
        List<Finding> f = check(template(RG, "", storage()));
        has("CUA001", f);
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(1, f.get(0).line());
        hasNot("CUA001", check(GOOD));
        hasNot("CUA001", check(template(RG, "", storage()), TemplateRole.NESTED, TemplateOptions.defaults()));
    }

    @Test
    void cua002MalformedGuidSaysWhichGroup() {
        List<Finding> f = check(template(RG, "", tracking("pid-eb7927c8-dd66-43e1-b0cf-c346a422063", "")));
        has("CUA002", f);
        Finding malformed = f.stream().filter(x -> x.code().equals("CUA002")).findFirst().get();
        assertTrue(malformed.message().contains("group 5 has 11 hex digits; it needs 12"), malformed.message());
        assertEquals(5, malformed.line());
        hasNot("CUA002", check(GOOD));
    }

    @Test
    void cua003TrackingResourceInANestedTemplate() {
        has("CUA003", check(GOOD, TemplateRole.NESTED, TemplateOptions.defaults()));
        has("CUA003", check(GOOD, TemplateRole.LINKED, TemplateOptions.defaults()));
        String inline = template(RG, "", tracking(ID.token(), ""), "{ \"type\": \"Microsoft.Resources/deployments\","
                + " \"apiVersion\": \"2025-04-01\", \"name\": \"inner\", \"properties\": { \"mode\": \"Incremental\","
                + " \"template\": { \"$schema\": \"" + RG + "\", \"contentVersion\": \"1.0.0.0\", \"resources\": ["
                + tracking("pid-2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e", "") + "] } } }");
        has("CUA003", check(inline));
        hasNot("CUA003", check(GOOD));
    }

    @Test
    void cua004InnerTemplateNotEmpty() {
        String full = GOOD.replace("\"resources\": [] }", "\"resources\": [" + storage() + "] }");
        has("CUA004", check(full));
        String linked = template(RG, "", "{ \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\","
                + " \"name\": \"" + ID.token() + "\", \"properties\": { \"mode\": \"Incremental\", \"templateLink\":"
                + " { \"uri\": \"https://example.invalid/t.json\" } } }");
        has("CUA004", check(linked));
        hasNot("CUA004", check(GOOD));
    }

    @Test
    void cua005ModeNotIncremental() {
        has("CUA005", check(GOOD.replace("\"Incremental\"", "\"Complete\"")));
        hasNot("CUA005", check(GOOD.replace("\"Incremental\"", "\"incremental\"")));
    }

    @Test
    void cua006And007LocationByScope() {
        has("CUA006", check(template(SUB, "", tracking(ID.token(), ""))));
        hasNot("CUA006", check(template(SUB, "", tracking(ID.token(), ", \"location\": \"[deployment().location]\""))));
        has("CUA007", check(template(RG, "", tracking(ID.token(), ", \"location\": \"westeurope\""))));
        hasNot("CUA007", check(GOOD));
        String tenant = template("https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#", "",
                tracking(ID.token(), ""));
        has("CUA006", check(tenant));
        String mg = template("https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
                "", tracking(ID.token(), ""));
        has("CUA006", check(mg));
    }

    @Test
    void cua008NameOver64Characters() {
        String longName = "[concat('" + ID.token() + "-', uniqueString(resourceGroup().id), '-suffix-too-long')]";
        has("CUA008", check(template(RG, "", tracking(longName, ""))));
        String taken = "[take(concat('" + ID.token() + "-', uniqueString(resourceGroup().id), '-suffix-too-long'), 64)]";
        hasNot("CUA008", check(template(RG, "", tracking(taken, ""))));
    }

    @Test
    void cua009NameThatCannotBeResolved() {
        has("CUA009", check(template(RG, "", tracking("[parameters('trackingName')]", ""))));
        has("CUA009", check(template(RG, "", tracking("[concat('pid-', parameters('guid'))]", ""))));
        String withDefault = template(RG, "  \"parameters\": { \"guid\": { \"type\": \"string\", \"defaultValue\": \""
                + ID.guid() + "\" } },\n", tracking("[concat('pid-', parameters('guid'))]", ""));
        assertEquals(List.of("CUA015"), codes(check(withDefault)));
    }

    @Test
    void cua010PlaceholderResolvedWithProperties() {
        String filled = template(RG, "", tracking("${admin.start}", ""));
        has("CUA010", check(filled));
        TemplateOptions props = TemplateOptions.defaults().withProperties(Map.of("admin.start", ID.token() + "-partnercenter"));
        assertEquals(List.of(), check(filled, TemplateRole.MAIN, props));
        has("CUA010", check(filled, TemplateRole.MAIN, TemplateOptions.defaults().withProperties(Map.of("other", "x"))));
    }

    @Test
    void cua011DuplicateTrackingResource() {
        has("CUA011", check(template(RG, "", tracking(ID.token(), ""), tracking(ID.token().toUpperCase(), ""))));
        hasNot("CUA011", check(template(RG, "", tracking(ID.token(), ""),
                tracking("pid-2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e", ""))));
    }

    @Test
    void cua012InvalidJsonWithLineAndColumn() {
        List<Finding> f = check("{\n  \"$schema\": \"" + RG + "\",\n  \"resources\": [ { \"name\": } ]\n}");
        assertEquals(List.of("CUA012"), codes(f));
        assertEquals(3, f.get(0).line());
        assertTrue(f.get(0).column() > 1);
        hasNot("CUA012", check(GOOD));
        assertTrue(f.get(0).hint().contains("comments and trailing commas, but nothing else"), f.get(0).hint());
    }

    /** ARM's parser takes a comma before a closing bracket or brace; so does the check, and its hint says so. */
    @Test
    void trailingCommasAreAcceptedAsArmAcceptsThem() {
        String plain = "{\"$schema\": \"" + RG + "\", \"contentVersion\": \"1.0.0.0\", \"resources\": ["
                + storage() + ", " + tracking(ID.token(), "") + "]}";
        String trailing = "{\"$schema\": \"" + RG + "\", \"contentVersion\": \"1.0.0.0\", \"resources\": ["
                + storage() + ", " + tracking(ID.token(), "") + ",],}";
        assertEquals(List.of(), check(plain));
        assertEquals(List.of(), check(trailing));
    }

    @Test
    void escapedStringsAreDecoded() {
        String escaped = "\\u0070id-" + ID.guid().replace("-", "\\u002d");
        assertEquals(List.of(), check(template(RG, "", storage().replace("\"store\"", "\"st\\\"o\\\\re\\n\""),
                tracking(escaped, ""))));
        has("CUA002", check(template(RG, "", tracking("pid-\\t" + ID.guid(), ""))));
    }

    @Test
    void contentAfterTheRootValueIsInvalidJson() {
        List<Finding> f = check(GOOD + "\n{}");
        assertEquals(List.of("CUA012"), codes(f));
        assertTrue(f.get(0).message().contains("unexpected content after the end of the JSON value"), f.get(0).message());
        assertEquals(10, f.get(0).line());
    }

    @Test
    void cua013DuplicateProperty() {
        has("CUA013", check(GOOD.replace("\"contentVersion\": \"1.0.0.0\",\n", "\"contentVersion\": \"1.0.0.0\",\n  \"contentVersion\": \"2.0.0.0\",\n")));
        hasNot("CUA013", check(GOOD));
    }

    @Test
    void cua014ConditionIsInformation() {
        List<Finding> f = check(template(RG, "", tracking(ID.token(), ", \"condition\": \"[parameters('telemetry')]\"")));
        assertEquals(List.of("CUA014"), codes(f));
        assertEquals(Severity.INFO, f.get(0).severity());
        hasNot("CUA014", check(GOOD));
    }

    @Test
    void cua015ExpressionsAreResolvedAndNoted() {
        String vars = "  \"variables\": { \"cuaid\": \"" + ID.guid() + "\", \"names\": { \"pidDeployment\": \"[concat('pid-',"
                + " variables('cuaid'))]\" } },\n";
        List<Finding> f = check(template(RG, vars, tracking("[variables('names').pidDeployment]", "")));
        assertEquals(List.of("CUA015"), codes(f));
        String realWorld = "[take(concat('pid-', toLower(variables('cuaid')), '-', uniqueString(resourceGroup().id)), 64)]";
        assertEquals(List.of("CUA015"), codes(check(template(RG, vars, tracking(realWorld, "")))));
        String format = "[format('pid-{0}-partnercenter', variables('cuaid'))]";
        assertEquals(List.of("CUA015"), codes(check(template(RG, vars, tracking(format, "")))));
        hasNot("CUA015", check(GOOD));
    }

    @Test
    void cua016BareGuidWithoutPrefix() {
        has("CUA016", check(template(RG, "", tracking(ID.token(), ""), tracking(ID.guid(), ""))));
        hasNot("CUA016", check(GOOD));
    }

    @Test
    void cua017NotATemplate() {
        has("CUA017", check("{ \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\", \"parameters\": {} }"));
        hasNot("CUA017", check(GOOD));
    }

    @Test
    void anotherPrefixIsNotAMalformedPartnerId() {
        String avmLike = "[take(format('46d3xbcp.res.compute.{0}', uniqueString(deployment().name)), 64)]";
        List<Finding> f = check(template(RG, "", tracking(avmLike, ""), tracking(ID.token(), "")));
        assertEquals(List.of("CUA021"), codes(f), "said to be AVM telemetry, and the partner's own id counts: " + f);
    }

    @Test
    void languageVersion2AndCommentsAreFirstClass() {
        String v2 = "{\n  // a comment\n  \"$schema\": \"" + RG + "\",\n  \"languageVersion\": \"2.0\",\n  /* block */\n"
                + "  \"contentVersion\": \"1.0.0.0\",\n  \"resources\": {\n    \"store\": " + storage() + ",\n"
                + "    \"attribution\": " + tracking(ID.token(), "") + "\n  }\n}\n";
        assertEquals(List.of(), check(v2));
        has("CUA001", check(v2.replace(ID.token(), "not-a-tracking-name")));
    }
}
