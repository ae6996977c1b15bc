package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;

class CodeTablesTest {
    private static final CodeTables TABLES = CodeTables.load();

    @Test
    void idTypeAndGenderComeFromTheCoreEnums() {
        CodeTable idType = TABLES.table(CodeTables.ID_TYPE);
        assertThat(idType.label()).isEqualTo("证件类型");
        assertThat(idType.labels()).containsExactlyElementsOf(Arrays.stream(IdType.values()).map(IdType::label)
                .toList());
        assertThat(idType.codes()).extracting(CodeTable.Code::code).contains("RESIDENT_ID", "PASSPORT");
        CodeTable gender = TABLES.table(CodeTables.GENDER);
        assertThat(gender.label()).isEqualTo("性别");
        assertThat(gender.labels()).containsExactly(Gender.MALE.label(), Gender.FEMALE.label());
    }

    @Test
    void theCommonTablesAreThere() {
        assertThat(TABLES.all()).extracting(CodeTable::id).contains(CodeTables.ID_TYPE, CodeTables.GENDER,
                CodeTables.INSURANCE_TYPE, CodeTables.PERSON_CATEGORY, CodeTables.UNIT_NATURE,
                CodeTables.FILING_PERSON_CATEGORY, CodeTables.YES_NO);
        assertThat(TABLES.table(CodeTables.INSURANCE_TYPE).label()).isEqualTo("险种");
        assertThat(TABLES.table(CodeTables.PERSON_CATEGORY).label()).isEqualTo("人员类别");
        assertThat(TABLES.table(CodeTables.UNIT_NATURE).label()).isEqualTo("单位性质");
        assertThat(TABLES.table(CodeTables.UNIT_NATURE).labels()).hasSize(6);
    }

    @Test
    void aliasesFromThePaperFormsNormalize() {
        CodeTable insurance = TABLES.table(CodeTables.INSURANCE_TYPE);
        assertThat(insurance.normalize("职工医保")).contains("职工基本医疗保险");
        assertThat(insurance.normalize(" 城乡居民医保 ")).contains("城乡居民基本医疗保险");
        assertThat(insurance.normalize("RESIDENT_BASIC")).contains("城乡居民基本医疗保险");
        assertThat(insurance.normalize("商业保险")).isEmpty();
        assertThat(insurance.normalize(null)).isEmpty();
    }

    /** The catalog's unit-nature, person-category and ID-type choices use exactly the common tables' values. */
    @Test
    void theCatalogsCommonChoicesAreCovered() {
        Catalog catalog = Catalog.loadDefault();
        catalog.items().forEach(item -> item.leafFields().filter(f -> f.type() == FieldType.CHOICE)
                .forEach(f -> {
                    if (f.key().endsWith("IdType") || f.key().equals("idType")) {
                        assertThat(TABLES.covering(f.options())).map(CodeTable::id).as(f.key())
                                .contains(CodeTables.ID_TYPE);
                    }
                    if (f.key().equals("unitNature") || f.key().equals("unitType")) {
                        assertThat(f.options()).containsExactlyElementsOf(
                                TABLES.table(CodeTables.UNIT_NATURE).labels());
                    }
                    if (f.key().equals("insuranceType")) {
                        assertThat(TABLES.covering(f.options())).map(CodeTable::id).as("item %d", item.no())
                                .contains(CodeTables.INSURANCE_TYPE);
                    }
                }));
        assertThat(TABLES.covering(java.util.List.of())).isEmpty();
    }

    @Test
    void table9sPersonCategoriesAreTheFilingTable() {
        ReferenceForm t9 = ReferenceForms.load().form(9);
        Cell category = t9.gridCells().filter(c -> c.keys().contains("filingPersonCategory")).findFirst()
                .orElseThrow();
        assertThat(category.options()).containsExactlyElementsOf(
                TABLES.table(CodeTables.FILING_PERSON_CATEGORY).labels());
    }
}
