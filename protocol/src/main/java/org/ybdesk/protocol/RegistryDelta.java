package org.ybdesk.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Registry changes newer than the desk's version ({@code GET /api/v1/registry?since=V&limit=N}), in version
 * order; {@code more} says another page follows. The desk applies one page in one transaction and records
 * {@code version} (the last change's version) with it.
 */
public record RegistryDelta(@JsonProperty("version") long version, @JsonProperty("more") boolean more,
                            @JsonProperty("persons") List<Person> persons, @JsonProperty("units") List<Unit> units) {

    /** A person as the province-wide registry knows them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(@JsonProperty("id_type") String idType, @JsonProperty("id_number") String idNumber,
                         @JsonProperty("name") String name, @JsonProperty("gender") String gender,
                         @JsonProperty("birth_date") String birthDate,
                         @JsonProperty("insurance_type") String insuranceType,
                         @JsonProperty("status") String status,
                         @JsonProperty("insured_agency_code") String insuredAgencyCode,
                         @JsonProperty("admdvs") String admdvs,
                         @JsonProperty("phone") String phone,
                         @JsonProperty("unit_credit_code") String unitCreditCode,
                         @JsonProperty("version") long version) {
    }

    /** A unit (employer) as the province-wide registry knows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(@JsonProperty("credit_code") String creditCode, @JsonProperty("name") String name,
                       @JsonProperty("unit_type") String unitType, @JsonProperty("status") String status,
                       @JsonProperty("insured_agency_code") String insuredAgencyCode,
                       @JsonProperty("admdvs") String admdvs,
                       @JsonProperty("version") long version) {
    }
}
