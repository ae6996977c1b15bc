package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 参考样表 appendix of the rulebook seed (/work/shared/seeds/002_*.txt), read independently of the YAML: the text
 * after the appendix heading that follows item 28, cut at the table markers 「表1」…「表 13」.
 */
final class Appendix {
    private static final Pattern HEADING = Pattern.compile("^[*\\s]*参考样表[*\\s]*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*表\\s*(\\d+)\\s*$");
    private static final Pattern REFERENCE_SUFFIX = Pattern.compile("\\s*[（(]\\s*参考样[表式]\\s*[)）]\\s*$");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private static Appendix instance;

    final Path file;
    final List<String> lines;
    /** Lines of each printed table, from its marker to the next one. */
    final Map<Integer, List<String>> tables;

    private Appendix(Path file, List<String> lines, Map<Integer, List<String>> tables) {
        this.file = file;
        this.lines = lines;
        this.tables = tables;
    }

    static synchronized Appendix get() {
        if (instance == null) {
            Path file = org.ybdesk.core.testing.RulebookSeed.require();
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (HEADING.matcher(lines.get(i)).matches()) {
                    start = i;
                }
            }
            if (start < 0) {
                fail("no 参考样表 appendix heading in " + file);
            }
            Map<Integer, List<String>> tables = new LinkedHashMap<>();
            int current = -1;
            for (int i = start + 1; i < lines.size(); i++) {
                Matcher m = MARKER.matcher(lines.get(i));
                if (m.matches()) {
                    current = Integer.parseInt(m.group(1));
                    if (tables.containsKey(current)) {
                        fail("table marker 表" + current + " twice in the appendix");
                    }
                    tables.put(current, new ArrayList<>());
                } else if (current > 0) {
                    tables.get(current).add(lines.get(i));
                }
            }
            instance = new Appendix(file, lines, tables);
        }
        return instance;
    }


    /** The title printed after 「表N」: the first of the next three non-blank lines that ends a 表/书 heading. */
    List<String> titleCandidates(int no) {
        List<String> out = new ArrayList<>();
        for (String line : tables.getOrDefault(no, List.of())) {
            if (line.isBlank()) {
                continue;
            }
            out.add(REFERENCE_SUFFIX.matcher(line.strip()).replaceAll(""));
            if (out.size() == 3) {
                break;
            }
        }
        return out;
    }

    /** The table's text reduced to its words ({@link #words}). */
    String words(int no) {
        return words(String.join("\n", tables.getOrDefault(no, List.of())));
    }

    /**
     * Only the letters and digits of a text: HTML tags of the extraction, spaces, punctuation of either width,
     * underscores and □ dropped, so 「申报工资 (元/月)」 and 「申报工资（元/月）」 compare equal.
     */
    static String words(String text) {
        return TAG.matcher(text).replaceAll("").replaceAll("[^\\p{IsHan}\\p{L}\\p{N}]", "");
    }
}
