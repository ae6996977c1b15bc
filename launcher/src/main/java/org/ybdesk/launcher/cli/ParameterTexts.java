package org.ybdesk.launcher.cli;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Chinese explanations for command lines picocli cannot parse. */
final class ParameterTexts {
    private ParameterTexts() {
    }

    static String explain(ParameterException ex) {
        if (ex instanceof MissingParameterException m) {
            java.util.List<String> names = m.getMissing().stream().map(a -> a.isOption()
                    ? ((picocli.CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel())
                    .toList();
            return Out.t("error.missing", org.ybdesk.core.i18n.Messages.joinList(names));
        }
        if (ex instanceof UnmatchedArgumentException u) {
            return Out.t("error.unmatched", String.join(" ", u.getUnmatched()));
        }
        if (ex.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return Out.t("error.value", iae.getMessage());
        }
        return Out.t("error.parameter", ex.getMessage());
    }
}
