package org.ybdesk.core.lifecycle;

import java.util.List;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.validation.InputHygiene;

/** An action with what it carries: the reasons told to the applicant, and an amount for payments. */
public record Command(CaseAction action, List<String> reasons, Money amount) {
    public Command {
        // tidy, not trim: trim() would silently drop NUL and control characters that input hygiene must refuse
        reasons = reasons == null ? List.of() : reasons.stream().filter(java.util.Objects::nonNull)
                .map(InputHygiene::tidy).filter(s -> !s.isEmpty()).toList();
    }

    public static Command of(CaseAction action) {
        return new Command(action, List.of(), null);
    }

    public static Command withReasons(CaseAction action, List<String> reasons) {
        return new Command(action, reasons, null);
    }

    public static Command withAmount(CaseAction action, Money amount) {
        return new Command(action, List.of(), amount);
    }
}
