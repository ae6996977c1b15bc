package org.ybdesk.core.catalog;

/** The lifecycle shape an item follows; the states and transitions live in {@code org.ybdesk.core.lifecycle}. */
public enum FlowVariant {
    /** Done at the window: accept and finish the same day (queries, filings, most registrations). */
    INSTANT,
    /** Accept, then the stages listed on the item (审核, 复核, 审批, 支付), then 办结 — or 未通过 with reasons. */
    REVIEW,
    /** 转移接续: 转出 (table 8 issued) → 转入 → personal-account balance moved → 办结. */
    TRANSFER,
    /** 定点协议: 受理 → 评估 → 公示 → 协商谈判 → 签订协议; 不合格 → 整改 (3 months) → re-evaluation. */
    DESIGNATION,
    /** 费用结算: reconciliation must balance before declaring; 审核 → 复核 → 负责人审批 → 拨付 → 办结. */
    SETTLEMENT
}
