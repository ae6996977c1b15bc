package org.ybdesk.core.catalog;

/**
 * 办理时限. {@code workingDays} 0 means 即时办结 (same day). The optional parts model the rulebook's special rules:
 * transfer-out and transfer-in limits (item 10), the completeness notice deadline and the cap in months for
 * designation applications (items 25/26), whether 补正 time is not counted, and the rectification period after a
 * failed evaluation.
 */
public record TimeLimit(int workingDays, String text, Integer transferOutWorkingDays, Integer transferInWorkingDays,
                        Integer completenessNoticeWorkingDays, Integer capMonths, boolean supplementPausesClock,
                        Integer rectificationMonths) {

    public boolean instant() { return workingDays == 0; }
}
