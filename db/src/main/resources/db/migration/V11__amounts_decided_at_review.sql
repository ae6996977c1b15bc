-- Amounts are decided at review, not at payment (issue 10, D87): the amount entered at 审核 and the amount confirmed
-- at 复核 are kept on the case; 支付/拨付 pays the confirmed amount (or the review amount where the item has no 复核)
-- and cannot change it. Settlements (27/28) keep here the settled amount (declared minus 拒付/扣除). Both nullable:
-- items that pay nothing, and cases reviewed before this version, have none (their payment still takes the amount
-- typed at 支付). Idempotent: a re-run after a kill changes nothing.
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS review_amount_fen BIGINT;
ALTER TABLE case_file ADD COLUMN IF NOT EXISTS confirmed_amount_fen BIGINT;
