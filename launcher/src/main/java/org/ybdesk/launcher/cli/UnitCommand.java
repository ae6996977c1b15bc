package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.service.RegistryService.UnitInput;
import org.ybdesk.service.RegistryService.UnitView;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "unit", subcommands = {UnitCommand.Add.class, UnitCommand.Show.class, UnitCommand.Search.class})
final class UnitCommand {

    static void print(Base b, UnitView u) {
        b.out().println(Out.t("unit.row", u.name(), u.creditCode(), u.unitType() == null ? "" : u.unitType(),
                u.address() == null ? "" : u.address(), u.legalRepName() == null ? "" : u.legalRepName(),
                u.status().label()));
    }

    @Command(name = "add")
    static final class Add extends Base {
        @Option(names = "--credit-code", required = true)
        String code;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--type")
        String type;
        @Option(names = "--address")
        String address;
        @Option(names = "--legal-rep")
        String legalRep;
        @Option(names = "--legal-rep-id-type", defaultValue = "RESIDENT_ID")
        String legalRepIdType;
        @Option(names = "--legal-rep-id")
        String legalRepId;
        @Option(names = "--legal-rep-phone")
        String legalRepPhone;
        @Option(names = "--bank-name")
        String bankName;
        @Option(names = "--bank-account")
        String bankAccount;
        @Option(names = "--contact")
        String contact;
        @Option(names = "--contact-phone")
        String contactPhone;
        @Option(names = "--admin-division")
        String division;

        @Override
        Integer execute() {
            UnitView u = desk().registry().registerUnit(new UnitInput(code, name, type, address, legalRep,
                    IdTypes.parse(legalRepIdType), legalRepId, legalRepPhone, bankName, bankAccount, contact,
                    contactPhone, division), actor());
            out().println(Out.t("unit.added"));
            print(this, u);
            return 0;
        }
    }

    @Command(name = "show")
    static final class Show extends Base {
        @Parameters(paramLabel = "CREDIT_CODE")
        String code;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            UnitView u = desk().registry().findUnit(code)
                    .orElseThrow(() -> new ServiceException(Out.t("unit.unknown", code)));
            output.print(u, () -> print(this, u));
            return 0;
        }
    }

    @Command(name = "search")
    static final class Search extends Base {
        @Parameters(paramLabel = "QUERY")
        String query;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            List<UnitView> found = desk().registry().searchUnits(query, 50);
            output.list(found, "search.none", u -> print(this, u));
            return 0;
        }
    }
}
