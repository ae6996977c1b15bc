package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The transcribed tables checked against the appendix text of the seed, read independently of the YAML. */
class AppendixTest {
    private static final ReferenceForms FORMS = ReferenceForms.load();

    @Test
    void theAppendixPrintsEveryTableButFive() {
        Appendix a = Appendix.get();
        assertThat(a.tables.keySet()).containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void everyTitleMatchesTheAppendix() {
        Appendix a = Appendix.get();
        List<String> wrong = new ArrayList<>();
        for (ReferenceForm f : FORMS.all()) {
            if (f.designed()) {
                continue;
            }
            List<String> candidates = a.titleCandidates(f.no());
            if (!candidates.contains(f.title())) {
                wrong.add("表" + f.no() + " 「" + f.title() + "」 not among " + candidates);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void tableFiveTakesItsTitleFromItemFivesCitation() {
        Appendix a = Appendix.get();
        Pattern cite = Pattern.compile("附件表5\\s*[:：]\\s*(\\S+?)。?$");
        List<String> titles = a.lines.stream().map(String::strip).map(cite::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).toList();
        assertThat(titles).containsExactly(FORMS.form(5).title());
    }

    /**
     * Every piece of paper wording in a transcribed table — labels, row groups, texts, options, sign lines, hints,
     * column headings, captions, header, footer and 填写说明 lines — occurs in that table's appendix text (compared by
     * letters and digits only; {placeholders} stand for the blanks of the paper form).
     */
    @Test
    void everyLabelIsTheAppendixWording() {
        Appendix a = Appendix.get();
        List<String> missing = new ArrayList<>();
        for (ReferenceForm f : FORMS.all()) {
            if (f.designed()) {
                continue;
            }
            String paper = a.words(f.no());
            assertThat(paper).as("appendix text of 表%d", f.no()).isNotEmpty();
            for (String text : wording(f)) {
                if (!matches(paper, text)) {
                    missing.add("表" + f.no() + ": 「" + text + "」");
                }
            }
        }
        assertThat(missing).as("wording not found in the appendix").isEmpty();
    }

    /**
     * The other direction: every word of every cell of the appendix text (split at the extraction's tabs, check boxes
     * and paragraph tags) is accounted for by some piece of the transcribed table's wording, so nothing printed on the
     * paper form was left out. The paper's 「xxx」 blanks are our {placeholders}; 「填写说明」 is the heading of
     * {@link ReferenceForm#instructions()}; column numbers (表8) are {@link DetailTable#numbered()}.
     */
    @Test
    void nothingOfTheAppendixIsLeftOut() {
        Appendix a = Appendix.get();
        List<String> left = new ArrayList<>();
        for (ReferenceForm f : FORMS.all()) {
            if (f.designed()) {
                continue;
            }
            List<String> pieces = new ArrayList<>();
            pieces.add(Appendix.words(f.title()));
            for (String t : wording(f)) {
                for (String fragment : t.split("\\{[a-z][A-Za-z0-9]*}")) {
                    pieces.add(Appendix.words(fragment));
                }
            }
            if (!f.instructions().isEmpty()) {
                pieces.add("填写说明");
            }
            pieces.add("参考样表");
            pieces.add("参考样式");
            pieces.removeIf(String::isEmpty);
            pieces.sort(Comparator.comparingInt(String::length).reversed());
            for (String line : a.tables.get(f.no())) {
                for (String cell : line.split("\t|<input type=\"checkbox\"/>|</?p[^>]*>|</?div[^>]*>|xxx")) {
                    // a paper cell is part of one piece of our wording, or made of pieces of it
                    String words = Appendix.words(cell);
                    if (pieces.stream().anyMatch(p -> p.contains(words))) {
                        continue;
                    }
                    String rest = words;
                    for (String piece : pieces) {
                        rest = rest.replace(piece, "");
                    }
                    if (!rest.isEmpty() && !rest.matches("\\d+")) {
                        left.add("表" + f.no() + ": 「" + cell.strip() + "」 leaves 「" + rest + "」");
                    }
                }
            }
        }
        assertThat(left).as("appendix text missing from the transcription").isEmpty();
    }

    @Test
    void theWordingCheckCatchesAWrongLabel() {
        String paper = Appendix.get().words(1);
        assertThat(matches(paper, "单位名称")).isTrue();
        assertThat(matches(paper, "单位全称")).isFalse();
        assertThat(matches(Appendix.get().words(11), "本人（身份证件号码：{idNumber}），办理{itemName}业务")).isTrue();
        assertThat(matches(Appendix.get().words(11), "本人（护照号码：{idNumber}）")).isFalse();
    }

    static List<String> wording(ReferenceForm f) {
        List<String> out = new ArrayList<>();
        f.allCells().forEach(c -> {
            out.add(c.label());
            out.add(c.text());
            out.add(c.hint());
            out.addAll(c.options());
            out.addAll(c.signLines());
        });
        for (Section s : f.sections()) {
            out.add(s.title() == null ? "" : s.title());
            s.rows().forEach(r -> out.add(r.grouped() ? r.group() : ""));
            if (s.hasTable()) {
                out.add(s.table().caption() == null ? "" : s.table().caption());
                s.table().columns().forEach(c -> {
                    out.add(c.label());
                    out.addAll(c.options());
                });
            }
        }
        out.addAll(f.instructions());
        return out.stream().filter(t -> !Appendix.words(t.replaceAll("\\{[^}]*}", "")).isEmpty())
                .distinct().collect(Collectors.toList());
    }

    /** Whether {@code text}'s words occur in {@code paper}; a {placeholder} matches any run, even an empty one. */
    static boolean matches(String paper, String text) {
        String[] fragments = text.split("\\{[a-z][A-Za-z0-9]*}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < fragments.length; i++) {
            if (i > 0) {
                regex.append(".*?");
            }
            regex.append(Pattern.quote(Appendix.words(fragments[i])));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(paper).find();
    }
}
