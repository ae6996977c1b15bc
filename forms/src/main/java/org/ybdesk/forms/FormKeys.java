package org.ybdesk.forms;

import java.util.List;

/**
 * Field keys printed on reference forms that are not intake fields of any item: they come from the case and the
 * desk (agency, clerk, dates) and are supplied by whoever fills a form (the reports module).
 */
public final class FormKeys {
    /** 经办机构 name. */
    public static final String AGENCY_NAME = "agencyName";
    /** 经办机构 phone. */
    public static final String AGENCY_PHONE = "agencyPhone";
    /** 经办人: the clerk who handled the case. */
    public static final String CLERK_NAME = "clerkName";
    /** 经办日期 (ISO date). */
    public static final String HANDLED_DATE = "handledDate";
    /** 填表日期/填报日期/申请时间 (ISO date): the day the applicant filled the form; defaults to the intake date. */
    public static final String FILL_DATE = "fillDate";
    /** 经办机构意见/审核意见: the recorded decision text. */
    public static final String AGENCY_OPINION = "agencyOpinion";
    /** The service item's name (表11 个人承诺书: 「办理____业务」). */
    public static final String ITEM_NAME = "itemName";
    /** 备案编号 of an out-of-area filing (表9); the case number. */
    public static final String FILING_NO = "filingNo";
    /** 备注. */
    public static final String REMARK = "remark";
    /** 性别, derived from a GB 11643-style ID number when not given. */
    public static final String GENDER = "gender";
    /** 出生日期, derived from a GB 11643-style ID number when not given. */
    public static final String BIRTH_DATE = "birthDate";

    /**
     * Who signs for the applicant when an agent applies (issue 13): 「被委托人：李四（子女）」 or 「监护人：…」, printed at
     * the rulebook's signature places (表3 申请人或监护人, 表9 本人（被委托人）签名); blank when the applicant signs.
     */
    public static final String AGENT_SIGNER = "agentSigner";
    /** 被委托人 name, ID number and phone (表7). */
    public static final String AGENT_NAME = "agentName";
    public static final String AGENT_ID_NUMBER = "agentIdNumber";
    public static final String AGENT_PHONE = "agentPhone";
    /** 继承人(代表人) bank and account (表7): the case's payee's. */
    public static final String PAYEE_BANK_NAME = "payeeBankName";
    public static final String PAYEE_BANK_ACCOUNT = "payeeBankAccountNumber";

    /** The keys the desk supplies from the case rather than from intake fields. */
    public static final List<String> DESK_KEYS = List.of(AGENCY_NAME, AGENCY_PHONE, CLERK_NAME, HANDLED_DATE,
            FILL_DATE, AGENCY_OPINION, ITEM_NAME, FILING_NO, AGENT_SIGNER, AGENT_NAME, AGENT_ID_NUMBER, AGENT_PHONE,
            PAYEE_BANK_NAME, PAYEE_BANK_ACCOUNT, AddressParts.PROVINCE, AddressParts.CITY, AddressParts.DISTRICT,
            AddressParts.COUNTY, AddressParts.REST);

    private FormKeys() {
    }
}
