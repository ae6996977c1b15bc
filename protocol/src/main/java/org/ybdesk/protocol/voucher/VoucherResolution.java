package org.ybdesk.protocol.voucher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whom an e-voucher code belongs to, as the province knows it: {@code kind} {@code PERSON} (then {@code idType} is
 * the ID type's name, e.g. {@code RESIDENT_ID}, and {@code idNumber} the person's ID number) or {@code UNIT}
 * ({@code idNumber} is the unified social credit code, {@code idType} absent); {@code name} the person's or the unit's
 * name; {@code validUntil} ({@code yyyy-MM-dd}) the voucher's last valid day. {@code registered} says whether the
 * province's registry has the person or unit (then {@code name} and {@code idType} are the registry's, {@code status}
 * its insured status and {@code admdvs} its admin division); otherwise they come from the voucher table alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherResolution(@JsonProperty("code") String code,
                                @JsonProperty("kind") String kind,
                                @JsonProperty("id_type") String idType,
                                @JsonProperty("id_number") String idNumber,
                                @JsonProperty("name") String name,
                                @JsonProperty("valid_until") String validUntil,
                                @JsonProperty("registered") boolean registered,
                                @JsonProperty("status") String status,
                                @JsonProperty("admdvs") String admdvs) {
    public static final String PERSON = "PERSON";
    public static final String UNIT = "UNIT";

    public boolean person() {
        return PERSON.equals(kind);
    }
}
