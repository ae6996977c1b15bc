package org.ybdesk.core.validation;

import java.time.LocalDate;
import java.util.Objects;
import org.ybdesk.core.registry.Gender;

/**
 * What a valid GB 11643-style identity number tells about its holder.
 *
 * @param birthDate  positions 7–14
 * @param gender     from the 17th character (odd 男, even 女)
 * @param regionCode six-digit code: positions 1–6 for a 居民身份证 (address code at first issue) and for a
 *                   港澳台居民居住证 (810000 / 820000 / 830000); for a 2023 外国人永久居留身份证 the
 *                   province of the accepting office (positions 2–3) followed by 0000
 */
public record IdFacts(LocalDate birthDate, Gender gender, String regionCode) {
    public IdFacts {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(regionCode, "regionCode");
    }
}
