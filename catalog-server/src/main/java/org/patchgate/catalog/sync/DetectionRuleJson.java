package org.patchgate.catalog.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.patchgate.catalog.format.json.DetectionRuleCodec;
import org.patchgate.catalog.model.DetectionRule;

/**
 * A {@link DetectionRule} as the JSONB text stored in {@code catalog_update.installed_rule} /
 * {@code applicable_rule}, and back: the shape of Patchgate JSON catalogs, written and read by the
 * one {@link DetectionRuleCodec}; this class adds only the text and a parser with the same limits.
 */
public final class DetectionRuleJson {

    /** Deeper trees than this are refused on reading (the codec's cap, which is the adapters'). */
    static final int MAX_DEPTH = DetectionRuleCodec.MAX_DEPTH;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * MAX_DEPTH + 4).build())
                    .build())
            .build();

    private DetectionRuleJson() {
    }

    /** The rule as compact JSON text, or {@code null} for no rule. */
    public static String toJson(DetectionRule rule) {
        return rule == null ? null : DetectionRuleCodec.write(rule).toString();
    }

    /**
     * Reads JSON written by {@link #toJson}; {@code null} gives {@code null}.
     *
     * @throws IllegalArgumentException if the text is not such a rule (names what is wrong)
     */
    public static DetectionRule fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return DetectionRuleCodec.read(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("detection rule is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
