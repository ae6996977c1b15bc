package org.ybdesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stages after 受理 of every item against the words of its 办理流程 in the rulebook (「不得擅自增加环节」, issue 10,
 * D85): 业务审核 → REVIEW, 复核 → RECHECK, 审批 → APPROVE, 支付/拨付/支取 → PAY; a stage the text does not name is an
 * added step. Transfers (10) and designations (25/26) have their own flows and no 业务审核. Skipped, with the reason,
 * where the rulebook text is not beside the project.
 */
class StagesMatchRulebookTest {
    private static final Pattern SECTION =
            Pattern.compile("^\\s*[（(]\\s*([一二三四五六七八九十]+)\\s*[）)]\\s*(\\S.*?)\\s*$");

    static Map<Integer, String> processes() throws IOException {
        Path seed = org.ybdesk.core.testing.RulebookSeed.require();
        List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        Map<Integer, String> out = new LinkedHashMap<>();
        int item = 0;
        StringBuilder current = null;
        for (String line : lines) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                String title = CatalogMatchesRulebookTest.norm(m.group(2));
                if (title.equals("事项名称")) {
                    item++;
                }
                if (current != null) {
                    out.put(item, current.toString());
                    current = null;
                }
                if (title.equals("办理流程")) {
                    current = new StringBuilder();
                }
                continue;
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        return out;
    }

    @Test
    void everyItemsStagesAreTheStepsItsProcessNames() throws IOException {
        Map<Integer, String> text = processes();
        assertThat(text.keySet()).hasSize(28);
        List<String> problems = new ArrayList<>();
        for (ServiceItem item : Catalog.loadDefault().items()) {
            String p = text.get(item.no());
            List<Stage> expected = new ArrayList<>();
            boolean ownFlow = item.flow() == FlowVariant.TRANSFER || item.flow() == FlowVariant.DESIGNATION;
            if (!ownFlow && p.contains("业务审核")) {
                expected.add(Stage.REVIEW);
            }
            if (!ownFlow && p.contains("复核")) {
                expected.add(Stage.RECHECK);
            }
            if (!ownFlow && p.contains("审批")) {
                expected.add(Stage.APPROVE);
            }
            if (!ownFlow && (p.contains("支付") || p.contains("拨付") || p.contains("支取"))) {
                expected.add(Stage.PAY);
            }
            if (!expected.equals(item.stages())) {
                problems.add("item " + item.no() + ": process names " + expected + ", catalog has " + item.stages());
            }
        }
        assertThat(problems).as(String.join(System.lineSeparator(), problems)).isEmpty();
    }
}
