package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.ServiceItem;

class ReferenceFormsTest {
    private static final ReferenceForms FORMS = ReferenceForms.load();
    private static final Catalog CATALOG = Catalog.loadDefault();

    @Test
    void allThirteenTablesLoadInOrder() {
        assertThat(FORMS.all()).extracting(ReferenceForm::no)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 13).boxed().toList());
        for (ReferenceForm f : FORMS.all()) {
            assertThat(f.title()).as("title of 表%d", f.no()).isNotBlank();
            assertThat(f.orientation()).as("orientation of 表%d", f.no()).isNotNull();
            assertThat(f.sections()).as("sections of 表%d", f.no()).isNotEmpty();
            assertThat(f.keys()).as("keys of 表%d", f.no()).isNotEmpty()
                    .allSatisfy(k -> assertThat(k).matches("[a-z][A-Za-z0-9]*"));
        }
        assertThat(ReferenceForms.load()).isSameAs(FORMS);
    }

    @Test
    void onlyTableFiveIsDesigned() {
        assertThat(FORMS.all()).filteredOn(ReferenceForm::designed).extracting(ReferenceForm::no)
                .containsExactly(5);
        assertThat(FORMS.form(5).note()).contains("表5").contains("表6");
    }

    @Test
    void landscapeWhereADetailTableHasEightOrMoreColumns() {
        assertThat(FORMS.all()).filteredOn(f -> f.orientation() == Orientation.LANDSCAPE)
                .extracting(ReferenceForm::no).containsExactly(2, 5, 6, 13);
        for (ReferenceForm f : FORMS.all()) {
            int widest = f.sections().stream().filter(Section::hasTable).mapToInt(s -> printedColumns(s.table()))
                    .max().orElse(0);
            assertThat(f.orientation() == Orientation.LANDSCAPE).as("表%d widest table %d", f.no(), widest)
                    .isEqualTo(widest >= 8);
        }
    }

    /** Columns as printed: the caption, one per column, one per option of a choice column (业务类型 增加 暂停 …). */
    private static int printedColumns(DetailTable t) {
        int caption = t.caption() == null ? 0 : 1;
        return caption + t.columns().stream()
                .mapToInt(c -> c.kind() == CellKind.CHOICE ? c.options().size() : 1).sum();
    }

    @Test
    void everyRowFillsItsGrid() {
        for (ReferenceForm f : FORMS.all()) {
            for (Section s : f.sections()) {
                s.rows().forEach(r -> assertThat(r.width()).as("表%d row %s", f.no(), r).isEqualTo(s.columns()));
                if (s.hasTable()) {
                    assertThat(s.table().width()).as("表%d table", f.no()).isEqualTo(s.columns());
                }
            }
        }
    }

    @Test
    void everyItemsReferenceFormsExist() {
        for (ServiceItem item : CATALOG.items()) {
            List<ReferenceForm> forms = FORMS.forItem(item);
            assertThat(forms).extracting(ReferenceForm::no).as("item %d", item.no())
                    .containsExactlyElementsOf(item.referenceForms());
        }
        assertThat(FORMS.forItem(CATALOG.item(15))).extracting(ReferenceForm::no).containsExactly(9);
        assertThat(FORMS.forItem(CATALOG.item(12))).extracting(ReferenceForm::no).containsExactly(9, 11);
        assertThat(FORMS.forItem(CATALOG.item(5))).extracting(ReferenceForm::no).containsExactly(5);
        assertThat(FORMS.forItem(CATALOG.item(7))).isEmpty();
    }

    @Test
    void everyTableIsCitedByAnItem() {
        List<Integer> cited = CATALOG.items().stream().flatMap(i -> i.referenceForms().stream()).distinct().toList();
        assertThat(cited).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 13).boxed().toList());
    }

    @Test
    void table9PresetsThePersonCategoryOfEachFilingItem() {
        ReferenceForm t9 = FORMS.form(9);
        assertThat(t9.presets().keySet()).containsExactlyInAnyOrder(11, 12, 13, 14, 15);
        for (int no = 11; no <= 15; no++) {
            assertThat(CATALOG.item(no).referenceForms()).contains(9);
            assertThat(t9.presetsFor(no)).containsOnlyKeys("filingPersonCategory");
        }
        assertThat(t9.presetsFor(11)).containsEntry("filingPersonCategory", CodeTables.load()
                .table(CodeTables.FILING_PERSON_CATEGORY).labels().get(0));
        assertThat(t9.presetsFor(1)).isEmpty();
    }

    @Test
    void headerAndFooterLines() {
        assertThat(FORMS.form(2).headerLines()).first().isEqualTo("单位名称（盖章）：");
        assertThat(FORMS.form(4).headerLines()).containsExactly("单位编码:", "填表日期:");
        assertThat(FORMS.form(9).headerLines()).containsExactly("备案编号：");
        assertThat(FORMS.form(9).footerLines()).containsExactly("经办机构：", "联系电话：", "经办人：", "经办日期：");
        assertThat(FORMS.form(7).footerLines()).contains("支取人签字：");
        assertThat(FORMS.form(12).instructions()).hasSize(3);
        assertThat(FORMS.form(13).instructions()).hasSize(2);
    }

    @Test
    void aMissingFileFailsLoudly() {
        assertThatThrownBy(() -> ReferenceForms.load("/org/ybdesk/forms/incomplete/"))
                .isInstanceOf(FormSpecException.class)
                .hasMessageContaining("table-1.yaml").hasMessageContaining("missing");
    }

    @Test
    void malformedFilesFailLoudlyWithEveryProblem() {
        assertThatThrownBy(() -> ReferenceForms.parse("no: 1\ntitle: x\norientation: portrait\nbogus: 1\n"
                + "sections: []\n", "t"))
                .isInstanceOf(FormSpecException.class).hasMessageContaining("bogus");
        assertThatThrownBy(() -> ReferenceForms.parse("no: [1", "t")).isInstanceOf(FormSpecException.class)
                .hasMessageContaining("malformed");
        String bad = """
                no: 3
                title: t
                orientation: sideways
                designed: true
                sections:
                  - columns: 4
                    rows:
                      - cells:
                          - { label: 姓名, key: Name, span: 2 }
                          - { label: 性别, key: gender, options: [] }
                      - cells:
                          - { label: x, key: a, options: [p, q], optionValues: { r: s } }
                presets:
                  11: { nowhere: v }
                """;
        assertThatThrownBy(() -> ReferenceForms.parse(bad, "bad.yaml"))
                .isInstanceOfSatisfying(FormSpecException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("sideways"))
                        .anyMatch(p -> p.contains("needs a note"))
                        .anyMatch(p -> p.contains("Name") && p.contains("lowerCamelCase"))
                        .anyMatch(p -> p.contains("choice without options"))
                        .anyMatch(p -> p.contains("spans 5 columns, the section has 4"))
                        .anyMatch(p -> p.contains("not an option"))
                        .anyMatch(p -> p.contains("nowhere")))
                .hasMessageStartingWith("bad.yaml");
    }

    @Test
    void aFileHoldingAnotherTableNumberIsRejected() {
        assertThatThrownBy(() -> ReferenceForms.load("/org/ybdesk/forms/misnumbered/"))
                .isInstanceOf(FormSpecException.class).hasMessageContaining("expected 1");
    }

    @Test
    void keysAreListedInReadingOrder() {
        List<String> keys = FORMS.form(1).keys();
        assertThat(keys.subList(0, 3)).containsExactly("registrationType", "unitName", "creditCode");
        assertThat(FORMS.form(11).keys()).startsWith("idNumber", "itemName", "missingMaterial");
        assertThat(FORMS.form(2).keys()).contains("changeType", "declaredWage").doesNotHaveDuplicates();
    }
}
