package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reference data newer than the desk's version ({@code GET /api/v1/reference?since=V}): catalog versions, the
 * working-day calendar, policy parameters, the designated-institution list. Each entry is one kind at one version;
 * the desk applies a whole response in one transaction and then records {@code version}.
 */
public record ReferenceData(@JsonProperty("version") long version, @JsonProperty("entries") List<Entry> entries) {
    /** Kinds of reference data. */
    public static final String CATALOG = "CATALOG";
    public static final String CALENDAR = "CALENDAR";
    public static final String POLICY = "POLICY";
    public static final String INSTITUTIONS = "INSTITUTIONS";
    /**
     * The admin-division code list (D95): content is a JSON string holding the list in the desk's TSV format
     * ({@code admin-divisions.tsv}: {@code # version:} line, header, one code per line); key = the list's version.
     */
    public static final String ADMIN_DIVISIONS = "ADMIN_DIVISIONS";

    /**
     * @param kind one of the kinds above
     * @param key the entry's name within its kind (a calendar year such as "2027", a catalog version, "all")
     * @param version the server's version number at which this entry changed
     * @param content the entry (the calendar in the desk's calendar YAML/JSON structure, policy parameters as an
     *                object, institutions as a list)
     */
    public record Entry(@JsonProperty("kind") String kind, @JsonProperty("key") String key,
                        @JsonProperty("version") long version, @JsonProperty("content") JsonNode content) {
    }
}
