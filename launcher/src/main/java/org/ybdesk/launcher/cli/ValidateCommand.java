package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.Validators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ybdesk validate KIND VALUE}: prints OK, or every problem and exits 1; a value that is possible but unusual
 * (D94–D96) prints OK and its warnings and exits 4 ({@link YbdeskCommand#NEEDS_CONFIRMATION}).
 */
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
        java.time.LocalDate today = java.time.LocalDate.now(YbdeskCommand.clock.withZone(Validators.CHINA));
        List<String> problems = switch (kind) {
            case id -> Validators.idNumber(idType == null ? IdType.RESIDENT_ID : IdTypes.parse(idType), value, today);
            case uscc -> Validators.creditCode(value);
            case phone -> Validators.landlineOrMobile(value);
            case bank -> Validators.bankAccount(value, corporate);
            case division -> Validators.adminDivision(value);
            case postal -> Validators.postalCode(value);
        };
        if (problems.isEmpty()) {
            out().println("OK");
            if (kind == Kind.id) {
                Validators.idFacts(value, today).ifPresent(f -> out().println(Out.t("validate.facts",
                        f.gender().label(), f.birthDate().toString(), f.regionCode())));
            }
            if (kind == Kind.division) {
                org.ybdesk.core.validation.AdminDivisions.name(value).ifPresent(n -> out().println(n));
            }
            IdType type = idType == null ? IdType.RESIDENT_ID : IdTypes.parse(idType);
            List<String> warnings = switch (kind) {
                case id -> Validators.idNumberWarnings(type, value, today);
                case bank -> Validators.bankAccountWarnings(value, corporate);
                case division -> Validators.adminDivisionWarnings(value);
                default -> List.of();
            };
            if (warnings.isEmpty()) {
                return 0;
            }
            warnings.forEach(w -> spec.commandLine().getErr().println(Out.t("warnings.line", w)));
            spec.commandLine().getErr().println(Out.t("validate.warnings"));
            return YbdeskCommand.NEEDS_CONFIRMATION;
        }
        problems.forEach(p -> spec.commandLine().getErr().println(Out.t("error.line", p)));
        return YbdeskCommand.REFUSED;
    }
}
