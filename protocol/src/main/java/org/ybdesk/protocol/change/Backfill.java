package org.ybdesk.protocol.change;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Work done on paper during an outage and entered afterwards (补录): the paper's reference, when it was entered
 * ({@code yyyy-MM-ddTHH:mm:ss}, Beijing time) and by whom. The message's own occurrence time is the real one; the
 * province orders and judges back-filled messages by it (issue 13).
 */
@JsonPropertyOrder(alphabetic = true)
public record Backfill(
        @JsonProperty("paperRef") String paperRef,
        @JsonProperty("enteredAt") String enteredAt,
        @JsonProperty("enteredBy") String enteredBy) {
}
