package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * {@code CASE_MATERIALS} (4103): the case's materials after a change (material number → {@code MaterialStatus}
 * name, every material of the case, in number order).
 */
@JsonPropertyOrder(alphabetic = true)
public record CaseMaterials(@JsonProperty("caseNo") String caseNo,
                            @JsonProperty("materials") Map<String, String> materials) implements CaseChange {
    public CaseMaterials {
        materials = Changes.materials(materials);
    }
}
