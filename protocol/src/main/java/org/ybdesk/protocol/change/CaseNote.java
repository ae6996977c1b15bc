package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code CASE_NOTE} (4105): a note (备注) added to a case. The province accepts it; desks of this release keep notes
 * local and send none (a note is not a step of the case, D102).
 */
@JsonPropertyOrder(alphabetic = true)
public record CaseNote(@JsonProperty("caseNo") String caseNo, @JsonProperty("note") String note)
        implements CaseChange {
}
