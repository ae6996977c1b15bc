package org.ybdesk.protocol.change;

/** A change of one case file, named by its case number (办件编号). */
public sealed interface CaseChange extends Change permits CaseStep, CaseMaterials, CaseAttachment, CaseNote, CaseHandOff {
    String caseNo();
}
