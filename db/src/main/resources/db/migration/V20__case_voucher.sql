-- Issue 13: the e-voucher (医保电子凭证) an applicant showed at intake, and what became of it (D151–D156).
--   voucher_code        the 32-character code (E… a person's, U… a unit's)
--   voucher_check       VERIFIED (the province resolved it to this case's applicant) | PENDING (待核验: the desk was
--                       offline at intake; rechecked at every sync round) | MISMATCH (the code belongs to someone else,
--                       or the province does not know it or it expired: voucher_detail says which)
--   voucher_checked_at  when the province last answered for it (null while PENDING)
--   voucher_detail      the mismatch in Chinese, for the supervisor (负责人)
-- All null on cases without a voucher, so no existing row's content hash changes (D71, D119). Idempotent.
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS voucher_code VARCHAR(40);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS voucher_check VARCHAR(16);
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS voucher_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS voucher_detail VARCHAR(500);
CREATE INDEX IF NOT EXISTS case_file_voucher_check_idx ON case_file(voucher_check);
