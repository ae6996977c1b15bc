package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who holds a case at the province: the holding agency and, when a desk has taken it, that desk's window number
 * and name ({@code windowNo} null: the case waits in the agency's pool for any of its desks to take it, under the
 * stage {@code nextAction}); {@code since} is when it came there ({@code yyyy-MM-dd HH:mm:ss}, Beijing time). The
 * accepting agency and window are where the case was taken in; results go back there.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseHolder(@JsonProperty("case_no") String caseNo,
                         @JsonProperty("agency_code") String agencyCode,
                         @JsonProperty("agency_name") String agencyName,
                         @JsonProperty("window_no") Integer windowNo,
                         @JsonProperty("desk_name") String deskName,
                         @JsonProperty("next_action") String nextAction,
                         @JsonProperty("since") String since,
                         @JsonProperty("acceptor_agency_code") String acceptorAgencyCode,
                         @JsonProperty("acceptor_window_no") Integer acceptorWindowNo) {
    /** Whether the case waits in its agency's pool (no desk holds it). */
    public boolean inPool() {
        return windowNo == null;
    }
}
