package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer to a {@link ReassignRequest}: the cases moved, each with its new holder. */
public record ReassignResult(@JsonProperty("moved") List<CaseHolder> moved) {
    public ReassignResult {
        moved = moved == null ? List.of() : List.copyOf(moved);
    }
}
