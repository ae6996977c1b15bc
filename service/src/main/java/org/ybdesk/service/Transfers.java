package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.CASE_TRANSFER;
import static org.ybdesk.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.TransferSide;
import org.ybdesk.core.money.ChineseAmount;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.db.jooq.tables.records.CaseTransferRecord;
import org.ybdesk.db.jooq.tables.records.PersonRecord;

/**
 * What the steps of a 转移接续 (item 10) do to this desk's registry when the case names its side (issue 13,
 * D147–D149). The 转出地: 转出 takes the whole personal-account balance off the account (表8's 个人账户实际转出资金),
 * sets the person 转出 and issues 表8; 余额划转 then hands exactly that amount to the 转入地 or refunds it to the
 * person's bank card. The 转入地: the person must already be insured here; 转入 records 表8 as received; 计入个人账户
 * credits exactly 表8's amount. Cases without a side (BOTH) keep the earlier one-desk behaviour. Every change is
 * audited (before → after) in the step's transaction.
 */
final class Transfers {

    private final Desk desk;

    Transfers(Desk desk) {
        this.desk = desk;
    }

    static boolean sided(CaseFile c) {
        return c.transferSide() != TransferSide.BOTH;
    }

    /** Every reason the step cannot take effect on the registry now; empty for other items and cases without a side. */
    List<String> problems(DSLContext tx, CaseFile c, Command cmd, LocalDate today) {
        if (!sided(c)) {
            return List.of();
        }
        TransferSide side = c.transferSide();
        List<String> out = new ArrayList<>();
        PersonRecord p = person(tx, c.applicant().idNumber());
        CaseAction a = cmd.action();
        if (a == CaseAction.ACCEPT) {
            if (p == null) {
                out.add(Texts.get(side == TransferSide.OUT ? "transfer.out.notRegistered" : "transfer.in.notRegistered",
                        c.applicant().name(), c.applicant().idNumber()));
            } else {
                InsuredStatus s = InsuredStatus.valueOf(p.getStatus());
                if (side == TransferSide.OUT && s != InsuredStatus.INSURED && s != InsuredStatus.SUSPENDED) {
                    out.add(Texts.get("transfer.out.status", p.getName(), s.label()));
                }
                if (side == TransferSide.IN && s != InsuredStatus.INSURED) {
                    out.add(Texts.get("transfer.in.status", p.getName(), s.label()));
                }
            }
            if (side == TransferSide.IN) {
                IntakeCheck.parseDate(c.fields().getOrDefault("form8ReceivedOn", ""))
                        .filter(d -> d.isAfter(c.dates().receivedOn() == null ? today : c.dates().receivedOn()))
                        .ifPresent(d -> out.add(Texts.get("transfer.in.form8Future", d.toString())));
            }
        }
        if (a == CaseAction.TRANSFER_OUT && side == TransferSide.OUT && p != null
                && InsuredStatus.valueOf(p.getStatus()) == InsuredStatus.TRANSFERRED_OUT) {
            out.add(Texts.get("transfer.out.already", p.getName()));
        }
        if (a == CaseAction.MOVE_BALANCE && cmd.amount() != null) {
            Money due = dueAmount(tx, c).orElse(null);
            if (due != null && !due.equals(cmd.amount())) {
                out.add(Texts.get(side == TransferSide.OUT ? "transfer.out.amountDiffers" : "transfer.in.amountDiffers",
                        cmd.amount().toYuanString(), due.toYuanString()));
            }
        }
        return out;
    }

    /**
     * The amount 余额划转 must move: on the 转出 side the balance taken off at 转出, on the 转入 side 表8's amount;
     * empty for cases without a side (the amount is then typed freely, as before).
     */
    Optional<Money> dueAmount(DSLContext tx, CaseFile c) {
        if (c.transferSide() == TransferSide.OUT) {
            return Optional.ofNullable(c.caseNo() == null ? null : tx.select(CASE_TRANSFER.BALANCE_FEN)
                    .from(CASE_TRANSFER).where(CASE_TRANSFER.CASE_NO.eq(c.caseNo())).fetchOne(CASE_TRANSFER.BALANCE_FEN))
                    .map(Money::ofFen);
        }
        if (c.transferSide() == TransferSide.IN) {
            return Money.parseYuan(c.fields().getOrDefault("form8Amount", ""));
        }
        return Optional.empty();
    }

    /** Whether the step's balance move is this desk's credit (转入 side and one-desk cases), not the 转出 side's. */
    static boolean credits(CaseFile c) {
        return c.transferSide() != TransferSide.OUT;
    }

    /** Applies the step to the registry (see the class comment); nothing for cases without a side. */
    void apply(DSLContext tx, CaseFile c, Command cmd, Actor actor, OffsetDateTime now, LocalDate today) {
        if (!sided(c)) {
            return;
        }
        TransferSide side = c.transferSide();
        CaseAction a = cmd.action();
        if (side == TransferSide.OUT && a == CaseAction.TRANSFER_OUT) {
            transferOut(tx, c, actor, now, today);
        } else if (side == TransferSide.IN && a == CaseAction.TRANSFER_IN) {
            PersonRecord p = person(tx, c.applicant().idNumber());
            CaseTransferRecord r = tx.newRecord(CASE_TRANSFER);
            r.setCaseNo(c.caseNo());
            r.setDirection(TransferSide.IN.name());
            r.setPersonIdNumber(p.getIdNumber());
            r.setStatusBefore(p.getStatus());
            r.setBalanceFen(dueAmount(tx, c).map(Money::fen).orElse(0L));
            r.setForm8On(IntakeCheck.parseDate(c.fields().getOrDefault("form8ReceivedOn", "")).orElse(today));
            r.setCreatedAt(now);
            r.setUpdatedAt(now);
            r.insert();
            desk.audited().record(tx, actor, now, "TRANSFER_IN", "CASE", c.caseNo(), null, audit(r), null);
        } else if (a == CaseAction.MOVE_BALANCE) {
            CaseTransferRecord r = tx.selectFrom(CASE_TRANSFER).where(CASE_TRANSFER.CASE_NO.eq(c.caseNo()))
                    .forUpdate().fetchOne();
            if (r == null) {
                return;
            }
            Map<String, Object> before = audit(r);
            r.setSettledOn(today);
            r.setUpdatedAt(now);
            r.update();
            desk.audited().record(tx, actor, now, side == TransferSide.IN ? "ACCOUNT_TRANSFER_IN"
                    : "REFUND".equals(r.getDisposal()) ? "ACCOUNT_REFUND" : "ACCOUNT_TRANSFER_OUT", "CASE",
                    c.caseNo(), before, audit(r), null);
        }
    }

    /** 转出: the balance off the account, the person 转出, and the row 表8 is printed from. */
    private void transferOut(DSLContext tx, CaseFile c, Actor actor, OffsetDateTime now, LocalDate today) {
        PersonRecord p = tx.selectFrom(PERSON).where(PERSON.ID_NUMBER.eq(c.applicant().idNumber().trim()))
                .forUpdate().fetchOne();
        Map<String, Object> before = RegistryEffects.personAudit(tx, p);
        long balance = p.getAccountBalanceFen();
        CaseTransferRecord r = tx.newRecord(CASE_TRANSFER);
        r.setCaseNo(c.caseNo());
        r.setDirection(TransferSide.OUT.name());
        r.setPersonIdNumber(p.getIdNumber());
        r.setStatusBefore(p.getStatus());
        r.setBalanceFen(balance);
        r.setForm8On(today);
        r.setPeriodFrom(p.getCreatedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate());
        // 个人账户余额处理: the catalog's second option is 退还至本人银行卡
        java.util.List<String> disposals = c.item().field("accountDisposal").map(f -> f.options()).orElse(List.of());
        boolean refund = disposals.size() > 1
                && disposals.get(1).equals(c.fields().getOrDefault("accountDisposal", "").trim());
        r.setDisposal(refund ? "REFUND" : "TRANSFER");
        if (refund) {
            r.setBankName(c.fields().get("bankName"));
            r.setBankAccount(c.fields().get("bankAccountNumber"));
        }
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.insert();
        p.setAccountBalanceFen(0L);
        p.setStatus(InsuredStatus.TRANSFERRED_OUT.name());
        p.setUpdatedAt(now);
        p.update();
        Map<String, Object> after = new LinkedHashMap<>(RegistryEffects.personAudit(tx, p));
        after.put("caseNo", c.caseNo());
        after.put("transferredOutFen", balance);
        desk.audited().record(tx, actor, now, "TRANSFER_OUT", "PERSON", p.getIdNumber(), before, after, null);
    }

    /**
     * The values of 表8 (参保人员基本医疗保险信息表) for a 转出 case after its 转出: line 1 is this pooling region's
     * period (from the person's registration here to the month of 转出), the months between, the agency and its
     * division, and the balance transferred (大写 and 小写); a refund is noted in 备注. Empty before 转出 and for
     * other cases.
     */
    Map<String, String> form8Values(DSLContext tx, String caseNo, String agencyName) {
        CaseTransferRecord r = tx.selectFrom(CASE_TRANSFER).where(CASE_TRANSFER.CASE_NO.eq(caseNo)).fetchOne();
        if (r == null || !TransferSide.OUT.name().equals(r.getDirection())) {
            return Map.of();
        }
        Map<String, String> v = new LinkedHashMap<>();
        LocalDate from = r.getPeriodFrom() == null ? r.getForm8On() : r.getPeriodFrom();
        LocalDate to = r.getForm8On();
        v.put("insuredPeriod", Texts.get("transfer.form8.period", String.valueOf(from.getYear()),
                String.valueOf(from.getMonthValue()), String.valueOf(to.getYear()), String.valueOf(to.getMonthValue())));
        long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
        v.put("contributionMonths", String.valueOf(months));
        v.put("transferOutAgencyName", agencyName);
        Money amount = Money.ofFen(r.getBalanceFen());
        v.put("accountTransferAmount", amount.toYuanString());
        v.put("accountTransferAmountInWords", ChineseAmount.of(amount));
        if ("REFUND".equals(r.getDisposal())) {
            String acct = r.getBankAccount() == null ? "" : r.getBankAccount();
            v.put("remark", Texts.get("transfer.form8.refunded", r.getBankName() == null ? "" : r.getBankName(),
                    acct.length() > 4 ? acct.substring(acct.length() - 4) : acct));
        }
        v.put("handledDate", to.toString());
        return v;
    }

    private static Map<String, Object> audit(CaseTransferRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", r.getCaseNo());
        m.put("direction", r.getDirection());
        m.put("personIdNumber", r.getPersonIdNumber());
        m.put("balanceFen", r.getBalanceFen());
        m.put("form8On", r.getForm8On() == null ? null : r.getForm8On().toString());
        m.put("disposal", r.getDisposal());
        m.put("bankAccount", r.getBankAccount());
        m.put("settledOn", r.getSettledOn() == null ? null : r.getSettledOn().toString());
        return m;
    }

    private static PersonRecord person(DSLContext tx, String idNumber) {
        return idNumber == null ? null
                : tx.selectFrom(PERSON).where(PERSON.ID_NUMBER.eq(idNumber.trim())).limit(1).fetchOne();
    }
}
