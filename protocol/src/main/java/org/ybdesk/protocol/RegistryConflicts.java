package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /api/v1/conflicts?since=V&limit=N}: the registry conflicts of the asking desk's agency (holder or other
 * side) after version {@code since}, in version order; {@code version} is the last one's ({@code since} when none),
 * {@code more} says another page follows at once.
 */
public record RegistryConflicts(@JsonProperty("version") long version,
                                @JsonProperty("more") boolean more,
                                @JsonProperty("conflicts") List<RegistryConflict> conflicts) {
    public RegistryConflicts {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
