package org.ybdesk.reports;

import java.util.Locale;
import org.ybdesk.forms.ReferenceForms;

/**
 * A document the window prints: one of the window's documents, or reference table {@code table} (1–13). Spelled on
 * the command line as {@code receipt}, {@code notice}, … or {@code table-N}.
 */
public record PrintDoc(Kind kind, int table) {

    /** The kinds of print; which apply to a case is decided by {@link Applicability}. */
    public enum Kind {
        /** 受理回执. */
        RECEIPT,
        /** 不予受理通知书 / 一次性告知书 (refusal or 未通过 with every reason). */
        NOTICE,
        /** 补正通知 (一次性告知需补正的材料). */
        SUPPLEMENT,
        /** 审批表/审核单 with the signature line of every step. */
        APPROVAL,
        /** 费用审核单 of a settlement: declared and reconciled amounts. */
        COST_REVIEW,
        /** 报销明细表 with the applicant's confirmation. */
        REIMBURSEMENT,
        /** 补贴返还明细表 with the applicant's confirmation. */
        SUBSIDY,
        /** 备案确认 of an out-of-area filing, with its validity. */
        FILING,
        /** A reference table 表1–表13. */
        TABLE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public PrintDoc {
        if (kind == Kind.TABLE ? table < 1 || table > ReferenceForms.COUNT : table != 0) {
            throw new IllegalArgumentException("bad table number " + table + " for " + kind);
        }
    }

    public static PrintDoc of(Kind kind) {
        return new PrintDoc(kind, 0);
    }

    public static PrintDoc table(int no) {
        return new PrintDoc(Kind.TABLE, no);
    }

    /** {@code receipt}, {@code cost-review}, {@code table-9}. */
    public String code() {
        return kind == Kind.TABLE ? "table-" + table : kind.code();
    }

    /** The name people know it by: 受理回执, 表9 …. */
    public String label() {
        return kind == Kind.TABLE ? ReportTexts.get("doc.TABLE", String.valueOf(table)) : ReportTexts.get("doc." + kind);
    }

    /** Parses {@link #code()}; a refusal in Chinese listing the valid codes otherwise. */
    public static PrintDoc parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("table-")) {
            try {
                int n = Integer.parseInt(t.substring(6));
                if (n >= 1 && n <= ReferenceForms.COUNT) {
                    return table(n);
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal
            }
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.TABLE && k.code().equals(t)) {
                return of(k);
            }
        }
        throw new PrintRefusedException(ReportTexts.get("doc.unknown", text == null ? "" : text.trim()));
    }

    @Override
    public String toString() {
        return code();
    }
}
