package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * Which level performs each stage of an item in one 统筹区 (reference data kind {@code ROUTING}, key = the 统筹区's
 * admin-division code, or {@code *} for the province-wide default). The rulebook leaves 受理层级 to the 统筹区
 * (「可由统筹区根据实际情况决定」), so this is data, not code.
 *
 * <p>{@code items}: item number (as text) → stage → level name. A stage is the case's next positive action
 * ({@code ACCEPT}, {@code REVIEW}, {@code RECHECK}, {@code APPROVE}, {@code PAY}, {@code CLOSE}, {@code TRANSFER_OUT},
 * {@code EVALUATE} …); the key {@code *} covers the item's other stages. An item or stage with no entry stays with
 * the agency holding the case.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Routing(@JsonProperty("admdvs") String admdvs,
                      @JsonProperty("items") Map<String, Map<String, String>> items) {
    public static final String ANY = "*";

    public Routing {
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    /** The level that performs {@code stage} of item {@code itemNo}; empty when the routing says nothing. */
    public Optional<AgencyLevel> levelOf(int itemNo, String stage) {
        Map<String, String> stages = items.get(String.valueOf(itemNo));
        if (stages == null) {
            return Optional.empty();
        }
        String level = stages.containsKey(stage) ? stages.get(stage) : stages.get(ANY);
        return AgencyLevel.parse(level);
    }
}
