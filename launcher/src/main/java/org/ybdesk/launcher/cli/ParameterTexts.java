package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.validation.InputHygiene;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Chinese explanations for command lines picocli cannot parse. Every kind of picocli parse error has its own text;
 * picocli's English message is never shown. Values typed by the user are echoed through
 * {@link InputHygiene#visible} so a control or direction character cannot hide or reorder the message.
 */
final class ParameterTexts {
    private ParameterTexts() {
    }

    static String explain(ParameterException ex) {
        String english = ex.getMessage() == null ? "" : ex.getMessage();
        if (ex instanceof MissingParameterException m) {
            List<String> names = m.getMissing().stream().map(ParameterTexts::name).toList();
            if (english.startsWith("Missing required parameter for option")
                    || english.contains("requires at least") || english.startsWith("Expected parameter")) {
                return Out.t("error.missingValue", Messages.joinList(names));
            }
            if (english.startsWith("Missing required subcommand")) {
                return Out.t("error.missingSubcommand");
            }
            return Out.t("error.missing", Messages.joinList(names));
        }
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> shown = u.getUnmatched().stream().map(InputHygiene::visible).toList();
            return Out.t("error.unmatched", String.join(" ", shown));
        }
        if (ex instanceof OverwrittenOptionException o) {
            return Out.t("error.overwritten", name(o.getOverwritten()));
        }
        if (ex instanceof MaxValuesExceededException) {
            return Out.t("error.tooManyValues");
        }
        if (ex instanceof MutuallyExclusiveArgsException) {
            return Out.t("error.exclusive");
        }
        ArgSpec arg = ex.getArgSpec();
        String value = ex.getValue() == null ? "" : InputHygiene.visible(ex.getValue());
        Throwable cause = ex.getCause();
        if (cause instanceof TypeConversionException || cause instanceof IllegalArgumentException) {
            String reason = cause.getMessage() != null && hasHan(cause.getMessage()) ? cause.getMessage()
                    : Out.t("error.value.unreadable");
            return arg == null ? Out.t("error.value", reason) : Out.t("error.valueOf", name(arg), value, reason);
        }
        if (hasHan(english)) { // thrown by our own commands with a Chinese text
            return english;
        }
        if (english.startsWith("Missing required subcommand")) {
            return Out.t("error.missingSubcommand");
        }
        if (arg != null) {
            return Out.t("error.valueOf", name(arg), value, Out.t("error.value.unreadable"));
        }
        return Out.t("error.parameter", Out.t("error.value.unreadable"));
    }

    /** --from, or the parameter label (CASE_NO) of a positional parameter. */
    static String name(ArgSpec a) {
        return a == null ? "" : a.isOption() ? ((OptionSpec) a).longestName() : a.paramLabel();
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
