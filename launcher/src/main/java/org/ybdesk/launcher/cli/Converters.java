package org.ybdesk.launcher.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ybdesk.core.validation.InputHygiene;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line's value converters, each refusing in Chinese: strict dates (2026-02-30 and 20260230 refused,
 * never moved to the 28th), whole numbers, paths, and every text free of control, NUL, direction and zero-width
 * characters (line breaks and tabs are let through here: multi-line texts such as reasons may carry them, and the
 * services refuse them in single-line fields).
 */
final class Converters {
    /** Longest text accepted on the command line at all; each field's own limit is checked by the services. */
    static final int MAX_ARG = 100_000;

    private Converters() {
    }

    static void register(CommandLine cl) {
        cl.registerConverter(String.class, Converters::text);
        cl.registerConverter(LocalDate.class, Converters::date);
        cl.registerConverter(Integer.class, Converters::integer);
        cl.registerConverter(Integer.TYPE, Converters::integer);
        cl.registerConverter(Long.class, Converters::longValue);
        cl.registerConverter(Long.TYPE, Converters::longValue);
        cl.registerConverter(Path.class, Converters::path);
    }

    static String text(String s) {
        List<String> p = InputHygiene.lines("", s, MAX_ARG);
        if (!p.isEmpty()) {
            throw new TypeConversionException(String.join(Out.t("error.join"), p));
        }
        return s;
    }

    static LocalDate date(String s) {
        InputHygiene.DateResult d = InputHygiene.date("", s);
        if (!d.ok()) {
            throw new TypeConversionException(String.join(Out.t("error.join"), d.problems()));
        }
        return d.date();
    }

    static Integer integer(String s) {
        text(s);
        try {
            return Integer.valueOf(InputHygiene.tidy(s));
        } catch (NumberFormatException e) {
            throw new TypeConversionException(Out.t("error.notInteger"));
        }
    }

    static Long longValue(String s) {
        text(s);
        try {
            return Long.valueOf(InputHygiene.tidy(s));
        } catch (NumberFormatException e) {
            throw new TypeConversionException(Out.t("error.notInteger"));
        }
    }

    static Path path(String s) {
        List<String> p = InputHygiene.line("", s, 4096);
        if (!p.isEmpty()) {
            throw new TypeConversionException(String.join(Out.t("error.join"), p));
        }
        if (InputHygiene.tidy(s).isEmpty()) {
            throw new TypeConversionException(Out.t("error.path.empty"));
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new TypeConversionException(Out.t("error.path.invalid"));
        }
    }
}
