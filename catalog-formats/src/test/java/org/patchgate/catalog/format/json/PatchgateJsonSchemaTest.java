package org.patchgate.catalog.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.DetectionRule.Comparison;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Severity;

/** The published JSON Schema (docs/formats/patchgate-catalog.schema.json) lists exactly the words the reader accepts. */
class PatchgateJsonSchemaTest {

    private static JsonNode schema() throws Exception {
        Path file = Path.of("").toAbsolutePath();
        while (file != null && !Files.isRegularFile(file.resolve("docs/formats/patchgate-catalog.schema.json"))) {
            file = file.getParent();
        }
        assertTrue(file != null, "docs/formats/patchgate-catalog.schema.json not found above the working directory");
        return new ObjectMapper().readTree(file.resolve("docs/formats/patchgate-catalog.schema.json").toFile());
    }

    private static List<String> words(Class<? extends Enum<?>> type) {
        return Stream.of(type.getEnumConstants()).map(e -> JsonNames.camel(e.name())).toList();
    }

    private static List<String> enumAt(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.path("enum").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void schema_enumsMatchTheModel() throws Exception {
        JsonNode defs = schema().path("$defs");
        assertEquals(words(Classification.class), enumAt(defs.path("entry").path("properties").path("classification")));
        assertEquals(words(Severity.class), enumAt(defs.path("entry").path("properties").path("severity")));
        assertEquals(words(Architecture.class), enumAt(defs.path("installer").path("properties").path("architecture")));
        assertEquals(words(InstallScope.class), enumAt(defs.path("installer").path("properties").path("scope")));
        assertEquals(words(InstallerType.class), enumAt(defs.path("installer").path("properties").path("type")));
        assertEquals(words(Comparison.class), enumAt(defs.path("comparison")));
        assertEquals(1, schema().path("properties").path("formatVersion").path("const").asInt());
    }
}
