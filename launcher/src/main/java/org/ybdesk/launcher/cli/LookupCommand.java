package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.service.LookupService.Institution;
import org.ybdesk.service.LookupService.Place;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Look-ups at the counter (issue 13): {@code ybdesk lookup institution [QUERY] [--level L] [--type T]} lists the
 * 定点医药机构 of the pulled list; {@code ybdesk lookup place QUERY} finds a 就医地 by name, pinyin or code.
 */
@Command(name = "lookup", subcommands = {LookupCommand.Institutions.class, LookupCommand.Places.class})
final class LookupCommand {

    @Command(name = "institution", aliases = "institutions")
    static final class Institutions extends Base {
        @Parameters(paramLabel = "QUERY", arity = "0..1", defaultValue = "")
        String query;
        @Option(names = {"--name", "--pinyin", "--code"}, paramLabel = "TEXT")
        String named;
        @Option(names = "--level", paramLabel = "LEVEL")
        String level;
        @Option(names = "--type", paramLabel = "TYPE")
        String type;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            String q = named != null ? named : query;
            List<Institution> found = desk().lookups().institutions(q, level, type);
            output.list(found, "search.none", i -> out().println(Out.t("lookup.institution.row", i.code(), i.name(),
                    i.level(), i.type(), i.division(), i.address(), i.phone())));
            return 0;
        }
    }

    @Command(name = "place", aliases = "places")
    static final class Places extends Base {
        @Parameters(paramLabel = "QUERY", arity = "0..1")
        String query;
        @Option(names = {"--name", "--pinyin", "--code"}, paramLabel = "TEXT")
        String named;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            String q = named != null ? named : query;
            List<Place> found = desk().lookups().places(q);
            output.list(found, "search.none", p -> out().println(Out.t("lookup.place.row", p.code(), p.name(),
                    p.kindLabel())));
            return 0;
        }
    }
}
