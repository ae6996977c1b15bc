-- Issue 13 (filing, D146–D149). Idempotent.
-- The 6-month lock of long-term out-of-area filings looks up a person's approved (办结) filings by ID number and item.
CREATE INDEX IF NOT EXISTS case_file_filing_lock_idx ON case_file(applicant_id_number, item_no, state, closed_on);

-- One row per 转移接续 case whose side took effect at this desk: the 转出地 (direction OUT) records the balance it
-- debited at 转出 (表8's 个人账户实际转出资金), the day 表8 was issued and the 参保 period printed on it, and how the
-- balance left (TRANSFER to the 转入地 or REFUND to the person's bank card); the 转入地 (IN) records 表8's amount and
-- the day it was received. settled_on: the day of 余额划转 / 退还 / 计入个人账户.
CREATE TABLE IF NOT EXISTS case_transfer (
    case_no          VARCHAR(48)  PRIMARY KEY REFERENCES case_file(case_no),
    direction        VARCHAR(8)   NOT NULL CHECK (direction IN ('OUT', 'IN')),
    person_id_number VARCHAR(32)  NOT NULL,
    status_before    VARCHAR(20),
    balance_fen      BIGINT       NOT NULL CHECK (balance_fen >= 0),
    form8_on         DATE         NOT NULL,
    period_from      DATE,
    disposal         VARCHAR(12)  CHECK (disposal IN ('TRANSFER', 'REFUND')),
    bank_name        VARCHAR(100),
    bank_account     VARCHAR(40),
    settled_on       DATE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
