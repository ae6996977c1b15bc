package org.ybdesk.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.ServiceItem;

/**
 * The intake form of a service item (step 3 填写信息 of the wizard), derived from the item's 受理信息必填项 in the
 * catalog's order: plain fields in untitled groups, each composite field as a titled group of its parts. Every field
 * gets a width on a {@value #GRID_COLUMNS}-column grid, a widget, input limits by type, and — for choices — its code
 * table. Checking the typed values is {@link IntakeCheck}'s job ({@link #check(Map)}).
 */
public record IntakeForm(ServiceItem item, List<IntakeGroup> groups) {
    public static final int GRID_COLUMNS = 12;
    static final String LAYOUT_RESOURCE = "/org/ybdesk/forms/intake-layout.properties";
    /** Most options a choice may have, and longest option, to be shown as radio buttons. */
    static final int RADIO_MAX_OPTIONS = 4;
    static final int RADIO_MAX_OPTION_LENGTH = 8;

    private static volatile Properties layout;

    public IntakeForm {
        groups = List.copyOf(groups);
    }

    public static IntakeForm of(ServiceItem item) {
        List<IntakeGroup> groups = new ArrayList<>();
        List<IntakeField> run = new ArrayList<>();
        for (FieldSpec f : item.requiredFields()) {
            if (f.composite()) {
                if (!run.isEmpty()) {
                    groups.add(new IntakeGroup(null, null, run));
                    run = new ArrayList<>();
                }
                List<IntakeField> parts = new ArrayList<>();
                for (FieldSpec p : f.parts()) {
                    parts.add(field(item, p, f.label() + "\u00b7" + p.label(), f.parts()));
                }
                groups.add(new IntakeGroup(f.key(), f.label(), parts));
            } else {
                run.add(field(item, f, f.label(), item.requiredFields()));
            }
        }
        if (!run.isEmpty()) {
            groups.add(new IntakeGroup(null, null, run));
        }
        return new IntakeForm(item, groups);
    }

    /** All inputs in order. */
    public List<IntakeField> fields() {
        return groups.stream().flatMap(g -> g.fields().stream()).toList();
    }

    public Optional<IntakeField> field(String key) {
        return fields().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * Checks typed values with the core rules as of {@code today} (the desk's Clock): every problem at once, values
     * normalized.
     */
    public IntakeCheck.Result check(Map<String, String> values, java.time.LocalDate today) {
        return IntakeCheck.check(item, values, today);
    }

    // ============================================================================================ derivation

    private static IntakeField field(ServiceItem item, FieldSpec f, String fullLabel, List<FieldSpec> siblings) {
        FieldType type = f.type();
        CodeTable table = null;
        String common = null;
        if (type == FieldType.CHOICE || type == FieldType.BOOLEAN) {
            CodeTables tables = CodeTables.load();
            if (type == FieldType.BOOLEAN) {
                table = tables.table(CodeTables.YES_NO);
                common = CodeTables.YES_NO;
            } else {
                Optional<CodeTable> cover = tables.covering(f.options());
                common = cover.map(CodeTable::id).orElse(null);
                List<CodeTable.Code> codes = new ArrayList<>();
                for (int i = 0; i < f.options().size(); i++) {
                    String o = f.options().get(i);
                    int n = i + 1;
                    codes.add(cover.flatMap(t -> t.code(o))
                            .orElseGet(() -> new CodeTable.Code(String.format("OPTION_%02d", n), o, List.of())));
                }
                table = new CodeTable(common != null ? common : "item" + item.no() + "." + f.key(),
                        FormFiller.TEXT.get("codeTable.field", f.label()), codes);
            }
        }
        Widget widget = widget(f, table);
        int width = width(f, widget, table);
        String override = layout().getProperty("width." + f.key());
        if (override != null) {
            width = Integer.parseInt(override.trim());
        }
        String w = layout().getProperty("widget." + f.key());
        if (w != null) {
            widget = Widget.valueOf(w.trim());
        }
        String idTypeKey = null;
        if (type == FieldType.ID_NUMBER) {
            idTypeKey = siblings.stream()
                    .filter(s -> !s.composite() && s.type() == FieldType.CHOICE
                            && CodeTables.ID_TYPE.equals(CodeTables.load().covering(s.options())
                                    .map(CodeTable::id).orElse(null)))
                    .map(FieldSpec::key).findFirst().orElse(null);
        }
        return new IntakeField(f.key(), f.label(), fullLabel, type, f.required(), width, widget, input(f, table),
                table, common, f.hint(), idTypeKey);
    }

    private static Widget widget(FieldSpec f, CodeTable table) {
        return switch (f.type()) {
            case DATE -> Widget.DATE;
            case BOOLEAN -> Widget.RADIO;
            case CHOICE -> table.codes().size() <= RADIO_MAX_OPTIONS
                    && table.labels().stream().allMatch(o -> o.length() <= RADIO_MAX_OPTION_LENGTH)
                    ? Widget.RADIO : Widget.COMBO;
            default -> Widget.TEXT_FIELD;
        };
    }

    /** Columns of the 12-column grid: wide for IDs, codes, accounts and addresses, narrow for dates and numbers. */
    static int width(FieldSpec f, Widget widget, CodeTable table) {
        return switch (f.type()) {
            case ADDRESS -> 12;
            case ID_NUMBER, CREDIT_CODE, BANK_ACCOUNT, PERIOD, TEXT -> 6;
            case PHONE -> 4;
            case NAME, DATE, MONEY, ADMIN_DIVISION, BOOLEAN -> 3;
            case INTEGER, POSTAL_CODE -> 2;
            case CHOICE -> {
                int longest = table.labels().stream().mapToInt(String::length).max().orElse(1);
                if (widget == Widget.RADIO) {
                    int total = table.labels().stream().mapToInt(s -> s.length() + 2).sum();
                    yield Math.min(GRID_COLUMNS, Math.max(3, (total + 1) / 2));
                }
                yield longest > RADIO_MAX_OPTION_LENGTH ? 6 : 4;
            }
        };
    }

    /** Input limits by type; the longest option for a choice. */
    static InputSpec input(FieldSpec f, CodeTable table) {
        return switch (f.type()) {
            case ID_NUMBER -> new InputSpec(18, null, "[0-9A-Za-z]", true);
            case CREDIT_CODE -> new InputSpec(18, null, "[0-9A-Za-z]", true);
            case PHONE -> new InputSpec(20, null, null, false);
            case POSTAL_CODE -> new InputSpec(6, "######", "[0-9]", false);
            case ADMIN_DIVISION -> new InputSpec(6, "######", "[0-9]", false);
            case DATE -> new InputSpec(10, "####-##-##", "[0-9]", false);
            case PERIOD -> new InputSpec(23, null, null, false);
            case BANK_ACCOUNT -> new InputSpec(32, null, "[0-9 ]", false);
            case MONEY -> new InputSpec(16, null, "[0-9.,]", false);
            case INTEGER -> new InputSpec(9, null, "[0-9]", false);
            case NAME -> new InputSpec(50, null, null, false);
            case TEXT, ADDRESS -> new InputSpec(500, null, null, false);
            case CHOICE, BOOLEAN -> new InputSpec(
                    table.labels().stream().mapToInt(String::length).max().orElse(1), null, null, false);
        };
    }

    private static Properties layout() {
        Properties p = layout;
        if (p == null) {
            p = new Properties();
            try (InputStream in = IntakeForm.class.getResourceAsStream(LAYOUT_RESOURCE)) {
                if (in == null) {
                    throw new FormSpecException(LAYOUT_RESOURCE, List.of("intake layout resource missing"));
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            layout = p;
        }
        return p;
    }
}
