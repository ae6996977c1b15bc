package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.service.CaseViews;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.RegistryService.PersonView;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "person", subcommands = {PersonCommand.Add.class, PersonCommand.Show.class,
        PersonCommand.Search.class})
final class PersonCommand {

    static void print(Base b, PersonView p, boolean full) {
        b.out().println(Out.t("person.row", p.name(), p.idType().label(),
                full ? p.idNumber() : CaseViews.mask(p.idNumber()),
                p.gender() == null ? "" : p.gender().label(), String.valueOf(p.birthDate()),
                p.insuranceType().label(), p.status().label(), p.unitName() == null ? "" : p.unitName(),
                p.accountBalance().toYuanString()));
    }

    @Command(name = "add")
    static final class Add extends Base {
        @Option(names = "--id-type", defaultValue = "RESIDENT_ID", paramLabel = "TYPE")
        String idType;
        @Option(names = "--id", required = true, paramLabel = "NUMBER")
        String id;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--insurance-type", required = true, paramLabel = "TYPE")
        String insuranceType;
        @Option(names = "--status", defaultValue = "INSURED")
        String status;
        @Option(names = "--unit", paramLabel = "CREDIT_CODE")
        String unit;
        @Option(names = "--phone")
        String phone;
        @Option(names = "--household-address")
        String household;
        @Option(names = "--living-address")
        String living;

        @Override
        Integer execute() {
            var p = desk().registry().registerPerson(new PersonInput(IdTypes.parse(idType), id, name, null, null,
                    InsuranceType.parse(insuranceType), InsuredStatus.parse(status), unit, phone, household, living),
                    actor());
            out().println(Out.t("person.added"));
            print(this, p, true);
            return 0;
        }
    }

    @Command(name = "show")
    static final class Show extends Base {
        @Parameters(paramLabel = "ID")
        String id;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            PersonView p = desk().registry().findPerson(id)
                    .orElseThrow(() -> new ServiceException(Out.t("person.unknown", id)));
            output.print(p, () -> print(this, p, true));
            return 0;
        }
    }

    @Command(name = "search")
    static final class Search extends Base {
        @Parameters(paramLabel = "QUERY")
        String query;
        @Option(names = "--limit", defaultValue = "50")
        int limit;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            List<PersonView> found = desk().registry().searchPersons(query, limit);
            output.list(found, "search.none", p -> print(this, p, false));
            return 0;
        }
    }
}
