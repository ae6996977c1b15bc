package org.ybdesk.launcher.cli;

import java.util.Map;
import java.util.TreeMap;
import org.ybdesk.protocol.org.Agency;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.service.Holdings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ybdesk org}: the organisation as this desk knows it from the province (issue 12) — its agency and level,
 * its window, the agencies of the province's list, and which level performs each stage of each item in its 统筹区
 * (the routing). Administrators only: it is the reference data the desk routes cases by.
 */
@Command(name = "org", mixinStandardHelpOptions = true, subcommands = OrgCommand.ProgressUrl.class)
final class OrgCommand extends Base {
    @Mixin
    OutputOptions output;

    @Override
    Integer execute() {
        admin("admin.required.org");
        Holdings.OrgView v = desk().holdings().organisation();
        output.print(v, () -> {
            out().println(Out.t("org.desk", v.agencyName(), v.agencyCode(), level(v.level()),
                    String.format("%02d", v.windowNo())));
            if (v.agencies().isEmpty()) {
                out().println(Out.t("org.standalone"));
                return;
            }
            out().println(Out.t("org.agencies", v.agencies().size()));
            for (Agency a : v.agencies()) {
                out().println(Out.t("org.agency", a.code(), a.name(), level(a.level()),
                        a.parentCode() == null ? "—" : a.parentCode()));
            }
            if (v.routing() == null) {
                out().println(Out.t("org.routing.none"));
                return;
            }
            out().println(Out.t("org.routing", v.routingKey()));
            Map<Integer, Map<String, String>> byItem = new TreeMap<>();
            v.routing().items().forEach((item, stages) -> byItem.put(Integer.parseInt(item), stages));
            byItem.forEach((item, stages) -> {
                StringBuilder b = new StringBuilder();
                new TreeMap<>(stages).forEach((stage, level) -> b.append(b.length() == 0 ? "" : "，")
                        .append("*".equals(stage) ? Out.t("org.stage.other") : stage).append("→").append(level(level)));
                out().println(Out.t("org.route", item, desk().catalog().item(item).name(), b.toString()));
            });
        });
        return 0;
    }

    private static String level(String level) {
        return level == null ? Out.t("org.level.unknown")
                : AgencyLevel.parse(level).map(l -> Out.t("org.level." + l.name())).orElse(level);
    }

    /**
     * {@code ybdesk org progress-url [URL | --clear]}: the provincial progress-query address printed as the QR code of
     * receipts and notices (issue 14, D165); without an argument it shows the current one. Administrators only.
     */
    @Command(name = "progress-url", mixinStandardHelpOptions = true)
    static final class ProgressUrl extends Base {
        @Parameters(arity = "0..1", paramLabel = "URL", descriptionKey = "ybdesk.org.progress-url.url")
        String url;

        @Option(names = "--clear", descriptionKey = "ybdesk.org.progress-url.clear")
        boolean clear;

        @Override
        Integer execute() {
            if (clear && url != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), Out.t("org.progressUrl.both"));
            }
            if (url == null && !clear) {
                out().println(desk().setup().progressUrl().map(u -> Out.t("org.progressUrl.is", u))
                        .orElse(Out.t("org.progressUrl.none")));
                return 0;
            }
            desk().setup().setProgressUrl(clear ? "" : url, actor());
            out().println(clear ? Out.t("org.progressUrl.cleared") : Out.t("org.progressUrl.set", url.strip()));
            return 0;
        }
    }
}
