/**
 * The medical-insurance e-voucher (医保电子凭证, issue 13): a desk asks the province who a scanned code belongs to
 * ({@code POST /api/v1/vouchers/resolve}) and pre-fills the applicant; offline, the case is 待核验 and the desk asks
 * again at the next sync round.
 */
package org.ybdesk.protocol.voucher;
