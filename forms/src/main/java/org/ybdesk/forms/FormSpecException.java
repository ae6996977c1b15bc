package org.ybdesk.forms;

import java.util.List;

/** A reference-form or code-table resource is missing or malformed. Lists every problem found, not only the first. */
public class FormSpecException extends RuntimeException {
    private final List<String> problems;

    public FormSpecException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public FormSpecException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    public List<String> problems() {
        return problems;
    }
}
