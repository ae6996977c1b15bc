package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the case feed: a change another desk made to a case this desk has a part in (accepted it, holds it,
 * or its agency holds it), in the province's order ({@code version}, ascending, gaps possible).
 *
 * <p>{@code kind}: {@code CHANGE} — {@code infno}/{@code input} are the uploaded change (read it with
 * {@link org.ybdesk.protocol.change.ChangeKind#ofInfno}), {@code msgid} its id; {@code CLAIM}, {@code REASSIGN} —
 * a holder change decided at the province (no input). Every entry carries the holder after it. {@code at} is the
 * time of the change at its window ({@code inf_time}), {@code agencyCode}/{@code windowNo}/{@code deskName}/
 * {@code opterName} where and by whom.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedEntry(@JsonProperty("version") long version,
                        @JsonProperty("case_no") String caseNo,
                        @JsonProperty("kind") String kind,
                        @JsonProperty("msgid") String msgid,
                        @JsonProperty("infno") String infno,
                        @JsonProperty("at") String at,
                        @JsonProperty("agency_code") String agencyCode,
                        @JsonProperty("window_no") Integer windowNo,
                        @JsonProperty("desk_name") String deskName,
                        @JsonProperty("opter_name") String opterName,
                        @JsonProperty("reason") String reason,
                        @JsonProperty("input") JsonNode input,
                        @JsonProperty("holder") CaseHolder holder) {
    public static final String CHANGE = "CHANGE";
    public static final String CLAIM = "CLAIM";
    public static final String REASSIGN = "REASSIGN";
}
