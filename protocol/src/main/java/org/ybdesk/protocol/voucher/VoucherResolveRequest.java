package org.ybdesk.protocol.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/v1/vouchers/resolve}: the code read from an applicant's e-voucher (医保电子凭证), 32 characters
 * ({@code core.validation.VoucherCodes}). Answered with a {@link VoucherResolution}, or an {@code ErrorBody}:
 * 400 {@code VOUCHER_INVALID} (not a voucher code), 404 {@code VOUCHER_UNKNOWN} (the province knows no such
 * voucher), 422 {@code VOUCHER_EXPIRED} (no longer valid), each with a Chinese {@code err_msg}.
 */
public record VoucherResolveRequest(@JsonProperty("code") String code) {
}
