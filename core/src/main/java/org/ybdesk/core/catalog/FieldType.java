package org.ybdesk.core.catalog;

/** Value types of intake fields; each names the validator that checks it. */
public enum FieldType {
    TEXT, NAME, ID_NUMBER, CREDIT_CODE, PHONE, BANK_ACCOUNT, DATE, MONEY, INTEGER,
    CHOICE, ADMIN_DIVISION, POSTAL_CODE, ADDRESS, PERIOD, BOOLEAN
}
