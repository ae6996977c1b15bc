package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The same person (or unit) registered by two agencies (issue 13, D134): the province keeps as registry holder the
 * registration that OCCURRED first, whichever arrived first, and both agencies get this record as a task (the
 * clerks resolve it by 变更 or 转移接续). {@code kind} is {@code PERSON} (key: the ID number) or {@code UNIT} (key: the
 * credit code); {@code holder} is the registration the registry now holds, {@code other} the one it does not;
 * {@code arrived_first} ({@code HOLDER} | {@code OTHER}) says which reached the province first; {@code replaced} is
 * true when the holder replaced an earlier-arrived registration that occurred later. {@code version} orders the
 * conflicts of {@code GET /api/v1/conflicts}; times are Beijing time {@code yyyy-MM-dd HH:mm:ss}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryConflict(@JsonProperty("id") long id,
                               @JsonProperty("version") long version,
                               @JsonProperty("kind") String kind,
                               @JsonProperty("key") String key,
                               @JsonProperty("name") String name,
                               @JsonProperty("holder") Party holder,
                               @JsonProperty("other") Party other,
                               @JsonProperty("arrived_first") String arrivedFirst,
                               @JsonProperty("replaced") boolean replaced,
                               @JsonProperty("created_at") String createdAt) {
    public static final String PERSON = "PERSON";
    public static final String UNIT = "UNIT";
    public static final String HOLDER = "HOLDER";
    public static final String OTHER = "OTHER";

    /**
     * One of the two registrations: the agency and window that made it, when it occurred there ({@code occurred_at},
     * the paper's time for a back-filled one), when it reached the province ({@code received_at}), whether it was
     * back-filled (补录) and the paper's reference.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(@JsonProperty("agency_code") String agencyCode,
                        @JsonProperty("agency_name") String agencyName,
                        @JsonProperty("window_no") Integer windowNo,
                        @JsonProperty("desk_name") String deskName,
                        @JsonProperty("occurred_at") String occurredAt,
                        @JsonProperty("received_at") String receivedAt,
                        @JsonProperty("backfill") boolean backfill,
                        @JsonProperty("paper_ref") String paperRef) {
    }

    /** The party of {@code agencyCode} (the holder first when both are), or null when it is neither. */
    public Party partyOf(String agencyCode) {
        if (holder != null && holder.agencyCode().equals(agencyCode)) {
            return holder;
        }
        return other != null && other.agencyCode().equals(agencyCode) ? other : null;
    }
}
