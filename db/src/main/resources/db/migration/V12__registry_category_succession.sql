-- Issue 10 (registry effects of every variant): a person's 人员类别 (在职职工 / 灵活就业人员 / 退休人员, set by item 2;
-- 在职转退休 changes it) and a unit's succession (item 1 拆分合并分立: the successor names its predecessor, the
-- predecessor its successor). Nullable columns: rows written before V12 keep their content hash (D71).
ALTER TABLE person ADD COLUMN IF NOT EXISTS person_category VARCHAR(24);
ALTER TABLE unit ADD COLUMN IF NOT EXISTS predecessor_credit_code VARCHAR(18);
ALTER TABLE unit ADD COLUMN IF NOT EXISTS successor_credit_code VARCHAR(18);
