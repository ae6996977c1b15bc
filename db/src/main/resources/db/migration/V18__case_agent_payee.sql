-- Issue 13, proxy applicants and payees (D139–D144). Idempotent.
-- case_agent: someone applying for the insured (代办/为他人申报): the agent's identity, phone, relationship to the
-- applicant and the authorisation material handed in (委托书, or 监护关系证明 for a minor). One per case, written in
-- the intake's own transaction; never changed afterwards. name_initials serves the search box (pinyin initials).
CREATE TABLE IF NOT EXISTS case_agent (
    case_id        BIGINT       PRIMARY KEY REFERENCES case_file(id),
    id_type        VARCHAR(40)  NOT NULL,
    id_number      VARCHAR(32)  NOT NULL,
    name           VARCHAR(60)  NOT NULL,
    name_initials  VARCHAR(60),
    phone          VARCHAR(32)  NOT NULL,
    relation       VARCHAR(20)  NOT NULL,
    authorisation  VARCHAR(20)  NOT NULL
);
CREATE INDEX IF NOT EXISTS case_agent_id_number_idx ON case_agent(id_number);
CREATE INDEX IF NOT EXISTS case_agent_name_idx ON case_agent(name);
-- case_payee: to whom a payment item pays (拨付对象): INSURED (the insured person), UNIT (单位代收, maternity),
-- HEIR (继承人(代表人), account withdrawal after death), AGENT (代表人 or 被委托人). Name, ID where a person, the bank
-- account and bank as taken in.
CREATE TABLE IF NOT EXISTS case_payee (
    case_id        BIGINT       PRIMARY KEY REFERENCES case_file(id),
    kind           VARCHAR(12)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    id_number      VARCHAR(32),
    account        VARCHAR(40),
    bank           VARCHAR(200)
);
