package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code GET /api/v1/desk}: who the province knows this desk as (its agency with level and parent, its window
 * number and name) and, per day, the highest case-number sequence it has received from this window
 * ({@code lastCaseSeq}: ISO day → sequence, the last 7 days), so a reinstalled or restored desk continues above them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeskInfo(@JsonProperty("agency") Agency agency,
                       @JsonProperty("window_no") int windowNo,
                       @JsonProperty("name") String name,
                       @JsonProperty("last_case_seq") Map<String, Integer> lastCaseSeq) {
}
