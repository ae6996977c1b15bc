package org.ybdesk.launcher.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.ServiceItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "catalog", subcommands = {CatalogCommand.ListItems.class, CatalogCommand.Show.class})
final class CatalogCommand {

    static Map<String, Object> brief(ServiceItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("no", i.no());
        m.put("code", i.code());
        m.put("group", i.group().label());
        m.put("mainName", i.mainName());
        m.put("name", i.name());
        m.put("caseType", i.caseType().label());
        m.put("timeLimitWorkingDays", i.timeLimit().workingDays());
        m.put("timeLimitText", i.timeLimit().text());
        m.put("riskLevel", i.riskLevel().label());
        m.put("applicantKind", i.applicantKind().label());
        m.put("flow", i.flow().name());
        m.put("requiredFields", i.requiredFieldLabels());
        m.put("referenceForms", i.referenceForms());
        m.put("materials", i.materials().stream().map(x -> x.name()).toList());
        return m;
    }

    @Command(name = "list")
    static final class ListItems extends Base {
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            Catalog c = Catalog.loadDefault();
            List<ServiceItem> items = c.items();
            if (output.json()) {
                Out.json(out(), items.stream().map(CatalogCommand::brief).toList());
                return 0;
            }
            out().println(Out.t("catalog.header", c.version(), c.source()));
            for (ServiceItem i : items) {
                out().println(Out.t("catalog.row", String.valueOf(i.no()), i.name(), i.caseType().label(),
                        i.timeLimit().text(), i.riskLevel().label(), i.group().label()));
            }
            return 0;
        }
    }

    @Command(name = "show")
    static final class Show extends Base {
        @Parameters(paramLabel = "NO")
        int no;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            ServiceItem i = Catalog.loadDefault().find(no).orElseThrow(() ->
                    new org.ybdesk.service.ServiceException(Out.t("catalog.unknown", String.valueOf(no))));
            if (output.json()) {
                Out.json(out(), i);
                return 0;
            }
            out().println(Out.t("catalog.show.title", String.valueOf(i.no()), i.fullName()));
            out().println(Out.t("catalog.show.attrs", i.caseType().label(), i.timeLimit().text(),
                    i.riskLevel().label(), i.applicantKind().label()));
            out().println(Out.t("catalog.show.fields"));
            i.requiredFields().forEach(f -> out().println(Out.t("catalog.show.field", f.label(),
                    f.composite() ? org.ybdesk.core.i18n.Messages.joinList(f.parts().stream()
                            .map(p -> Out.t("catalog.show.part", p.key(), p.label())).toList()) : f.key())));
            out().println(Out.t("catalog.show.materials"));
            i.materials().forEach(m -> out().println(Out.t("catalog.show.material", String.valueOf(m.no()), m.name())));
            if (!i.referenceForms().isEmpty()) {
                out().println(Out.t("catalog.show.forms", i.referenceForms().toString()));
            }
            return 0;
        }
    }
}
