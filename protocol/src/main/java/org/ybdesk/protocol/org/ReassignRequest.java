package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /api/v1/cases/reassign}: a supervisor moves the cases held by a lost desk of the same agency
 * ({@code fromWindow}) to its agency's pool ({@code toWindow} null) or to another of its desks; {@code caseNos} limits
 * it to those cases (null: all). The reason is required and kept with each case's history at the province.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReassignRequest(@JsonProperty("from_window") int fromWindow,
                              @JsonProperty("to_window") Integer toWindow,
                              @JsonProperty("case_nos") List<String> caseNos,
                              @JsonProperty("reason") String reason,
                              @JsonProperty("opter") String opter,
                              @JsonProperty("opter_name") String opterName) {
}
