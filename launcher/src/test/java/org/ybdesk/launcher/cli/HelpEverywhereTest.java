package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --help} on every command and subcommand of the real command tree (walked, not listed by hand): exit 0, a
 * Chinese usage with a Chinese description, nothing on stderr, no advice to run {@code --help}, no escape codes, and
 * no database touched — a data folder that does not exist stays absent.
 */
class HelpEverywhereTest {
    @TempDir
    Path tmp;

    /** Every command's path from the root, e.g. [case, create]; the root is the empty path. */
    static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        walk(YbdeskCommand.commandLine(new YbdeskCommand()), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias: the same command under a second name
            }
            path.add(name);
            walk(sub, path, paths);
            path.remove(path.size() - 1);
        });
    }

    static CliTest.Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        YbdeskCommand.clock = CliTest.TODAY;
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = YbdeskCommand.run(args, o, e);
        }
        return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandExplainsItselfInChinese() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).as("the whole tree: init, case and its steps, sync and its subcommands …")
                .hasSizeGreaterThan(60)
                .contains(List.of("validate"), List.of("init"), List.of("case"), List.of("case", "create"),
                        List.of("user", "add"), List.of("sync", "now"));
        Path missing = tmp.resolve("no-such-folder");
        List<String> failures = new ArrayList<>();
        for (List<String> path : paths) {
            // -h is the same option as --help: tried on the leaves of one branch only, to keep the test short
            List<String> flags = path.isEmpty() || path.get(0).equals("case") ? List.of("--help", "-h")
                    : List.of("--help");
            for (String flag : flags) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                args.add("--data-dir");
                args.add(missing.toString());
                CliTest.Run r = run(args.toArray(String[]::new));
                String name = String.join(" ", path) + " " + flag;
                String description = description(r.out());
                if (r.code() != 0) {
                    failures.add(name + ": exit " + r.code() + " " + r.err());
                } else if (!r.err().isEmpty()) {
                    failures.add(name + ": stderr " + r.err());
                } else if (!r.out().lines().anyMatch(l -> l.startsWith("用法： ybdesk"))
                        || !r.out().contains("选项：")) {
                    failures.add(name + ": not a Chinese usage: " + r.out());
                } else if (!ParameterTexts.hasHan(description)) {
                    failures.add(name + ": no Chinese description: " + r.out());
                } else if (r.out().contains("--help」") || r.out().contains("Usage") || r.out().contains("\u001b[")) {
                    failures.add(name + ": help advice, English heading or escape codes: " + r.out());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(missing).as("help opens no database").doesNotExist();
    }

    /** {@code ybdesk help COMMAND}, help after other options, help where an option's value was expected. */
    @Test
    void helpInEveryPlaceAClerkWouldTypeIt() {
        for (String[] line : new String[][] {{"help", "validate"}, {"help", "case"}, {"help"},
                {"validate", "id", "--help"}, {"init", "--agency-code", "--help"},
                {"user", "add", "--username", "x", "--help"}, {"--sandbox", "case", "accept", "--help"}}) {
            CliTest.Run r = run(line);
            assertThat(r.code()).as(String.join(" ", line) + "\n" + r).isZero();
            assertThat(r.out()).as(String.join(" ", line)).contains("用法： ybdesk").doesNotContain("--help」");
            assertThat(r.err()).isEmpty();
        }
        assertThat(run("help", "validate").out()).contains("用法： ybdesk validate");
        assertThat(run("help", "case").out()).contains("用法： ybdesk case", "create");
    }

    /** A command that needs a subcommand, given none: exit 2, what is missing, and the list of subcommands. */
    @Test
    void aGroupWithoutItsSubcommandListsThem() {
        CliTest.Run r = run("user");
        assertThat(r.code()).isEqualTo(YbdeskCommand.USAGE);
        assertThat(r.err()).contains("缺少子命令", "用法： ybdesk user", "命令：", "add", "list")
                .doesNotContain("--help」");
    }

    /** Every command, option and parameter of the tree has a Chinese description from the bundle. */
    @Test
    void everyOptionAndParameterIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        describe(YbdeskCommand.commandLine(new YbdeskCommand()), undescribed);
        assertThat(undescribed).isEmpty();
    }

    private static void describe(CommandLine cl, List<String> undescribed) {
        var spec = cl.getCommandSpec();
        if (!ParameterTexts.hasHan(String.join("", spec.usageMessage().description()))) {
            undescribed.add(spec.qualifiedName());
        }
        spec.options().stream().filter(o -> !o.hidden())
                .filter(o -> !ParameterTexts.hasHan(String.join("", o.description())))
                .forEach(o -> undescribed.add(spec.qualifiedName() + " " + o.longestName()));
        spec.positionalParameters().stream().filter(p -> !p.hidden())
                .filter(p -> !ParameterTexts.hasHan(String.join("", p.description())))
                .forEach(p -> undescribed.add(spec.qualifiedName() + " " + p.paramLabel()));
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                describe(sub, undescribed);
            }
        });
    }

    /** The lines between the synopsis and the first list heading. */
    private static String description(String usage) {
        int start = usage.indexOf('\n', usage.indexOf("用法："));
        int end = usage.indexOf("：\n", start + 1);
        return start < 0 ? "" : usage.substring(start, end < 0 ? usage.length() : end);
    }

    @Test
    void versionWorksAnywhere() {
        CliTest.Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("YB Desk ");
    }
}
