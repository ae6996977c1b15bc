package org.ybdesk.forms;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;

/**
 * The common code tables: 证件类型 and 性别 from the core registry enums, and 险种, 人员类别, 单位性质 and the others
 * as data in {@code code-tables.yaml}.
 */
public final class CodeTables {
    public static final String RESOURCE = "/org/ybdesk/forms/code-tables.yaml";
    public static final String ID_TYPE = "idType";
    public static final String GENDER = "gender";
    public static final String INSURANCE_TYPE = "insuranceType";
    public static final String PERSON_CATEGORY = "personCategory";
    public static final String UNIT_NATURE = "unitNature";
    public static final String FILING_PERSON_CATEGORY = "filingPersonCategory";
    public static final String YES_NO = "yesNo";

    private static volatile CodeTables defaults;
    private final Map<String, CodeTable> tables;

    private CodeTables(Map<String, CodeTable> tables) {
        this.tables = tables;
    }

    record Doc(List<CodeTable> tables) {
    }

    public static CodeTables load() {
        CodeTables d = defaults;
        if (d == null) {
            synchronized (CodeTables.class) {
                d = defaults;
                if (d == null) {
                    d = read();
                    defaults = d;
                }
            }
        }
        return d;
    }

    private static CodeTables read() {
        Messages text = FormFiller.TEXT;
        Map<String, CodeTable> tables = new LinkedHashMap<>();
        List<CodeTable.Code> idTypes = new ArrayList<>();
        for (IdType t : IdType.values()) {
            idTypes.add(new CodeTable.Code(t.name(), t.label(), List.of()));
        }
        tables.put(ID_TYPE, new CodeTable(ID_TYPE, text.get("codeTable.idType"), idTypes));
        List<CodeTable.Code> genders = new ArrayList<>();
        for (Gender g : Gender.values()) {
            genders.add(new CodeTable.Code(g.name(), g.label(), List.of()));
        }
        tables.put(GENDER, new CodeTable(GENDER, text.get("codeTable.gender"), genders));
        Doc doc;
        try (InputStream in = CodeTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FormSpecException(RESOURCE, List.of("code table resource missing"));
            }
            doc = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Doc.class);
        } catch (IOException e) {
            throw new FormSpecException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        for (CodeTable t : doc.tables()) {
            if (t.id() == null || t.label() == null || t.codes().isEmpty()) {
                problems.add("table " + t.id() + ": id, label and codes are required");
                continue;
            }
            if (tables.putIfAbsent(t.id(), t) != null) {
                problems.add("duplicate table " + t.id());
            }
            Set<String> seen = new HashSet<>();
            for (CodeTable.Code c : t.codes()) {
                if (c.code() == null || !c.code().matches("[A-Z][A-Z0-9_]*") || c.label() == null) {
                    problems.add("table " + t.id() + ": code " + c.code() + " needs an UPPER_CASE code and a label");
                }
                for (String s : concat(c)) {
                    if (!seen.add(s)) {
                        problems.add("table " + t.id() + ": 「" + s + "」 is used twice");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new FormSpecException(RESOURCE, problems);
        }
        return new CodeTables(tables);
    }

    private static List<String> concat(CodeTable.Code c) {
        List<String> all = new ArrayList<>();
        all.add(c.label());
        all.addAll(c.aliases());
        return all;
    }

    public List<CodeTable> all() {
        return List.copyOf(tables.values());
    }

    public CodeTable table(String id) {
        CodeTable t = tables.get(id);
        if (t == null) {
            throw new NoSuchElementException("no code table " + id);
        }
        return t;
    }

    /** The smallest common table whose labels include every one of {@code options}, if any. */
    public Optional<CodeTable> covering(List<String> options) {
        if (options.isEmpty()) {
            return Optional.empty();
        }
        return tables.values().stream().filter(t -> t.labels().containsAll(options))
                .min(Comparator.comparingInt(t -> t.codes().size()));
    }
}
