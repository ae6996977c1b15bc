package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /api/v1/cases/feed?since=V&limit=N&wait=S}: the entries after {@code since} for the asking desk, in
 * version order; {@code version} is the last entry's (or {@code since} when none); {@code more} says another page
 * follows at once. With {@code wait} (seconds, ≤ 30) the server holds the request until an entry arrives or the
 * time is up (long polling), so a forwarded case reaches the receiving desks within a second or two.
 */
public record CaseFeed(@JsonProperty("version") long version,
                       @JsonProperty("more") boolean more,
                       @JsonProperty("entries") List<FeedEntry> entries) {
    public CaseFeed {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
