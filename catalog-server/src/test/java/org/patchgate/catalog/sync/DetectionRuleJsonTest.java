package org.patchgate.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.DetectionRule.Comparison;

class DetectionRuleJsonTest {

    /** One rule of every kind, nested in and/or/not. */
    static DetectionRule everyKind() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Zeta", "last");
        attributes.put("Comparison", "GreaterThanOrEqualTo");
        return new DetectionRule.And(List.of(
                new DetectionRule.RegistryValue("HKLM", "SOFTWARE\\Contoso", "Version", Comparison.GREATER_THAN_OR_EQUAL_TO, "5.2"),
                new DetectionRule.RegistryValue("HKCU", "SOFTWARE\\Contoso", null, null, null),
                new DetectionRule.RegistryKeyExists("HKLM", "SOFTWARE\\Fabrikam"),
                new DetectionRule.Or(List.of(
                        new DetectionRule.FileVersion("ProgramFiles", "Contoso\\a.exe", Comparison.LESS_THAN, "5.2.0.0"),
                        new DetectionRule.FileExists(null, "C:\\x.txt"),
                        new DetectionRule.MsiProductInstalled("{8D6F3C2A-1B4E-4F5A-9C7D-2E1F0A9B8C7D}", "1.0", null))),
                new DetectionRule.Not(new DetectionRule.ProductCodeInstalled("Git_is1", "2.45.2")),
                new DetectionRule.PackageFamilyInstalled("Contoso.App_8wekyb3d8bbwe"),
                new DetectionRule.Opaque("bar:WindowsVersion", attributes)));
    }

    @Test
    void everyRuleKind_roundTripsToAnEqualRule() {
        DetectionRule rule = everyKind();
        assertEquals(rule, DetectionRuleJson.fromJson(DetectionRuleJson.toJson(rule)));
    }

    @Test
    void toJson_usesTypeDiscriminatorCamelCaseComparisonsAndSortedAttributes() {
        String json = DetectionRuleJson.toJson(everyKind());
        assertTrue(json.startsWith("{\"type\":\"and\",\"rules\":[{\"type\":\"registryValue\""), json);
        assertTrue(json.contains("\"comparison\":\"greaterThanOrEqualTo\""), json);
        assertTrue(json.contains("\"attributes\":{\"Comparison\":\"GreaterThanOrEqualTo\",\"Zeta\":\"last\"}"), json);
        assertTrue(!json.contains("null"), "absent fields are left out: " + json);
    }

    @Test
    void noRule_isNull() {
        assertNull(DetectionRuleJson.toJson(null));
        assertNull(DetectionRuleJson.fromJson(null));
    }

    @Test
    void fromJson_unknownTypeOrMissingField_isRefusedNamingIt() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DetectionRuleJson.fromJson("{\"type\":\"wmiQuery\"}"));
        assertTrue(unknown.getMessage().contains("wmiQuery"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DetectionRuleJson.fromJson("{\"type\":\"not\",\"rule\":{\"type\":\"fileExists\"}}"));
        assertTrue(missing.getMessage().contains("$.rule.path"), missing.getMessage());
    }

    @Test
    void fromJson_deeplyNestedRule_isRefused() {
        String json = "{\"type\":\"not\",\"rule\":".repeat(DetectionRuleJson.MAX_DEPTH + 2)
                + "{\"type\":\"fileExists\",\"path\":\"x\"}" + "}".repeat(DetectionRuleJson.MAX_DEPTH + 2);
        assertThrows(IllegalArgumentException.class, () -> DetectionRuleJson.fromJson(json));
    }
}
