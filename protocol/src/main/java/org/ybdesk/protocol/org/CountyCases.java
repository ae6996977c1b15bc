package org.ybdesk.protocol.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /api/v1/county/cases?since=V&limit=N}: summaries of the cases of every agency in the asking desk's
 * agency and below it (a county agency sees its township service points), changed after {@code since}, in version
 * order; and every desk of those agencies with the time of its last upload, so each report can say which desks it
 * covers and how current each is. Only desks of a county-or-higher agency may ask (403 otherwise).
 */
public record CountyCases(@JsonProperty("version") long version,
                          @JsonProperty("more") boolean more,
                          @JsonProperty("cases") List<CaseSummary> cases,
                          @JsonProperty("desks") List<DeskCoverage> desks) {
    public CountyCases {
        cases = cases == null ? List.of() : List.copyOf(cases);
        desks = desks == null ? List.of() : List.copyOf(desks);
    }

    /** A desk the county view covers: its agency, window number, name and last upload (null: never). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeskCoverage(@JsonProperty("agency_code") String agencyCode,
                               @JsonProperty("agency_name") String agencyName,
                               @JsonProperty("window_no") int windowNo,
                               @JsonProperty("name") String name,
                               @JsonProperty("last_upload_at") String lastUploadAt) {
    }
}
