package org.ybdesk.forms;

import org.ybdesk.core.catalog.FieldType;

/**
 * One input of an item's intake form: a leaf field of the catalog (a plain required field or a part of a composite
 * one) with its layout and input hints.
 *
 * @param label       the field's own label (a part's label, e.g. 证件号码)
 * @param fullLabel   the label problems are reported under: 「法定代表人信息（…）·证件号码」 for parts
 * @param width       columns of the {@link IntakeForm#GRID_COLUMNS}-column grid the input takes
 * @param codeTable   for CHOICE and BOOLEAN fields: the values, in the catalog's order; null otherwise
 * @param commonTable the id of the common code table (see {@link CodeTables}) the options come from, or null
 * @param idTypeKey   for ID numbers: the key of the 证件类型 field that decides how the number is checked, or null
 */
public record IntakeField(String key, String label, String fullLabel, FieldType type, boolean required, int width,
                          Widget widget, InputSpec input, CodeTable codeTable, String commonTable, String hint,
                          String idTypeKey) {
}
