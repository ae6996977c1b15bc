package org.ybdesk.core.catalog;

/** One line of 办理依据: document title, its number (文号) and the clauses cited. */
public record LegalBasis(String title, String number, String clauses) {
}
