package org.ybdesk.launcher.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The output options of every command that prints results, declared once and mixed in ({@code @Mixin}):
 * {@code --json} (described by the bundle's {@code json} key, 「以 JSON 输出」) — the result as JSON for machines
 * instead of the Chinese text for people.
 */
final class OutputOptions {
    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Whether --json was given. */
    boolean json() {
        return json;
    }

    /** {@code value} as JSON with --json; else {@code text} prints it for people. */
    void print(Object value, Runnable text) {
        if (json) {
            Out.json(out(), value);
        } else {
            text.run();
        }
    }

    /** {@code rows} as JSON with --json; else the text of {@code noneKey} when empty, or each row by {@code row}. */
    <T> void list(List<T> rows, String noneKey, Consumer<? super T> row) {
        print(rows, () -> {
            if (rows.isEmpty()) {
                out().println(Out.t(noneKey));
            } else {
                rows.forEach(row);
            }
        });
    }

    private PrintStream out() {
        return ((YbdeskCommand) mixee.root().userObject()).out;
    }
}
