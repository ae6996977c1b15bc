package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese text is data: none in Java string literals; and the module knows nothing of Swing or Jasper. */
class SourceHygieneTest {
    private static final Path SOURCES = Path.of("src/main/java/org/ybdesk/forms");

    private static List<Path> sources() throws IOException {
        assertThat(SOURCES).as("run from the forms module directory").isDirectory();
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void noChineseStringOrCharLiteralsInJava() throws IOException {
        Pattern han = Pattern.compile("[\"'][^\"'\\n]*\\p{IsHan}[^\"'\\n]*[\"']");
        Pattern escaped = Pattern.compile("\\\\u(4e|4f|[5-8][0-9a-f]|9[0-9a-f])[0-9a-f]{2}", Pattern.CASE_INSENSITIVE);
        List<Path> files = sources();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String code = Files.readString(file);
            String noComments = code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
            assertThat(han.matcher(noComments).find()).as(file.toString()).isFalse();
            assertThat(escaped.matcher(noComments).find()).as(file + " (escaped Han)").isFalse();
        }
    }

    @Test
    void noSwingOrJasper() throws IOException {
        for (Path file : sources()) {
            String code = Files.readString(file);
            assertThat(code).as(file.toString()).doesNotContain("import javax.swing", "import java.awt",
                    "net.sf.jasperreports");
        }
    }
}
