package org.ybdesk.core.validation;

/**
 * The longest value each stored text may have, in UTF-16 units as the database counts them. They match the column
 * sizes of the migrations (db/src/main/resources/db/migration); a service test compares them with the generated
 * schema, so a change on either side is noticed. Use them with {@link InputHygiene#line} and
 * {@link InputHygiene#lines}.
 */
public final class FieldLimits {
    private FieldLimits() {
    }

    // agency (V1)
    public static final int AGENCY_CODE = 32;
    public static final int AGENCY_NAME = 200;
    public static final int AGENCY_SIGNATURE = 100;
    public static final int AGENCY_HOTLINE = 40;

    // app_user (V1)
    public static final int USERNAME = 64;
    public static final int USER_DISPLAY_NAME = 64;

    // person (V1)
    public static final int PERSON_NAME = 64;
    public static final int ID_NUMBER = 32;
    public static final int PHONE = 32;
    public static final int ADDRESS = 300;

    // unit (V1)
    public static final int UNIT_NAME = 200;
    public static final int UNIT_TYPE = 60;
    public static final int LEGAL_REP_NAME = 64;
    public static final int BANK_NAME = 100;
    public static final int BANK_ACCOUNT = 40;
    public static final int CONTACT_NAME = 64;

    // case_file (V1)
    public static final int CASE_NO = 48;
    /** case_file.applicant_name; a person applicant's name also goes into person.name, so {@link #PERSON_NAME}. */
    public static final int APPLICANT_NAME = 200;
    public static final int CHANNEL = 40;
    /** One value of an intake field (fields_json is a CLOB; this keeps each value printable on the forms). */
    public static final int INTAKE_FIELD = 500;

    // case_event (V1): the note of a step; reasons are kept as JSON in a CLOB, each reason limited here
    public static final int EVENT_NOTE = 1000;
    public static final int REASON = 500;

    // case_attachment, case_note (V2)
    public static final int FILE_NAME = 260;
    public static final int CASE_NOTE = 2000;

    // sync_task (V4)
    public static final int TASK_NOTE = 1000;
}
