package org.ybdesk.forms;

import java.util.List;
import java.util.Optional;

/**
 * A code table (代码表): the values a choice may take, each with a stable ASCII code, its label (the value stored and
 * printed) and other spellings met on paper forms (「职工医保」 for 职工基本医疗保险).
 */
public record CodeTable(String id, String label, List<Code> codes) {

    public record Code(String code, String label, List<String> aliases) {
        public Code {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    public CodeTable {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public List<String> labels() {
        return codes.stream().map(Code::label).toList();
    }

    /** The label meant by {@code value}: a label, a code or an alias (surrounding whitespace ignored). */
    public Optional<String> normalize(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        return codes.stream()
                .filter(c -> c.label().equals(v) || c.code().equals(v) || c.aliases().contains(v))
                .map(Code::label).findFirst();
    }

    public Optional<Code> code(String label) {
        return codes.stream().filter(c -> c.label().equals(label)).findFirst();
    }
}
