package org.ybdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Chinese first, in resource bundles: no Chinese string literal in the production Java code of the desk's modules
 * (user-facing texts and parsing vocabulary live in .properties bundles). Runs from launcher's folder and looks at
 * its sibling modules.
 */
class SourceRulesTest {
    static final List<String> MODULES = List.of("core", "db", "forms", "service", "fonts", "reports", "protocol", "sync",
            "province-server", "desk-app", "launcher");
    private static final Pattern HAN_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\\p{IsHan}(?:[^\"\\\\\\n]|\\\\.)*\"");

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        Path root = here.getFileName().toString().equals("launcher") ? here.getParent() : here;
        assertThat(root.resolve("core/src/main/java")).as("project root from %s", here).isDirectory();
        return root;
    }

    @Test
    void noChineseStringLiteralsInProductionJava() throws IOException {
        Path root = root();
        List<String> offences = new ArrayList<>();
        int files = 0;
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = lines.get(i).replaceAll("^\\s*(//|\\*|/\\*).*", "");
                        Matcher m = HAN_LITERAL.matcher(code);
                        if (m.find()) {
                            offences.add(root.relativize(f) + ":" + (i + 1) + "  " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(files).as("java files scanned").isGreaterThan(50);
        assertThat(offences).as("Chinese literals belong in resource bundles").isEmpty();
    }
}
