package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A case as the province has it: who holds it and every change it received, in order
 * ({@code GET /api/v1/cases/{no}}, and the answer of a successful {@code POST /api/v1/cases/{no}/claim}). A desk that
 * never saw the case rebuilds it from the entries; one that has a copy applies the entries it lacks.
 */
public record CaseHistory(@JsonProperty("holder") CaseHolder holder,
                          @JsonProperty("entries") List<FeedEntry> entries) {
    public CaseHistory {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
