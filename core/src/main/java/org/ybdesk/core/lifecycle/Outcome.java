package org.ybdesk.core.lifecycle;

/** Which message a transition sends the applicant, if any. */
public enum Outcome {
    /** The item's success template (办结, or 评估合格 for designations). */
    SUCCESS,
    /** The item's failure template with the reasons (不予受理, 未通过, 评估不合格). */
    FAILURE,
    /** The 补正 notice listing every missing material. */
    SUPPLEMENT
}
