package org.ybdesk.reports;

import java.util.List;
import org.ybdesk.service.ServiceException;

/**
 * A print the desk will not produce, with every reason in Chinese: a character the print fonts cannot show (it would
 * be dropped silently from the PDF), or a document that does not apply to the case. Nothing was printed.
 */
public class PrintRefusedException extends ServiceException {
    public PrintRefusedException(List<String> problems) {
        super(problems);
    }

    public PrintRefusedException(String problem) {
        super(problem);
    }
}
