package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.Validators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ybdesk validate KIND VALUE}: prints OK, or every problem and exits 1. */
@Command(name = "validate")
final class ValidateCommand extends Base {
    enum Kind { id, uscc, phone, bank, division, postal }

    @Parameters(index = "0", paramLabel = "KIND")
    Kind kind;
    @Parameters(index = "1", paramLabel = "VALUE")
    String value;
    @Option(names = "--id-type", paramLabel = "TYPE")
    String idType;
    @Option(names = "--corporate")
    boolean corporate;

    @Override
    Integer execute() {
        List<String> problems = switch (kind) {
            case id -> Validators.idNumber(idType == null ? IdType.RESIDENT_ID : IdTypes.parse(idType), value);
            case uscc -> Validators.creditCode(value);
            case phone -> Validators.landlineOrMobile(value);
            case bank -> Validators.bankAccount(value, corporate);
            case division -> Validators.adminDivision(value);
            case postal -> Validators.postalCode(value);
        };
        if (problems.isEmpty()) {
            out().println("OK");
            if (kind == Kind.id) {
                Validators.idFacts(value).ifPresent(f -> out().println(Out.t("validate.facts",
                        f.gender().label(), f.birthDate().toString(), f.regionCode())));
            }
            return 0;
        }
        problems.forEach(p -> spec.commandLine().getErr().println(Out.t("error.line", p)));
        return YbdeskCommand.REFUSED;
    }
}
