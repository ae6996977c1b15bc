-- Issue 14 (prints, 14-docs): the provincial progress-query address the QR code of receipts and notices carries.
-- progress_url: an http(s) address with the placeholder {caseNo} (the case number is the only thing put in it; no
-- personal data); null: the code holds the case number alone and the print asks to show it at the window.
-- Nullable (D71: a nullable column changes no content hash).
ALTER TABLE agency ADD COLUMN IF NOT EXISTS progress_url VARCHAR(300);
