package org.ybdesk.service;

import java.util.List;

/**
 * A request the desk cannot carry out, with every problem at once in Chinese, ready to show to the person (the CLI
 * prints them and exits non-zero; the GUI lists them beside the fields). Nothing was written.
 */
public class ServiceException extends RuntimeException {
    private final List<String> problems;

    public ServiceException(List<String> problems) {
        super(String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public ServiceException(String problem) {
        this(List.of(problem));
    }

    /** One problem caused by a lower layer's exception (kept for the log, never shown). */
    public ServiceException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
