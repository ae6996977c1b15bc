package org.ybdesk.core.lifecycle;

import java.util.List;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.validation.InputHygiene;

/**
 * An action with what it carries: the reasons told to the applicant, an amount (decided at 审核, confirmed at 复核,
 * paid at 支付; moved at 划转个人账户余额), and whether the person explicitly confirmed an amount above the desk's
 * large-amount threshold ({@code confirmLarge}: CLI {@code --confirm-large}, the window's confirmation dialog).
 */
public record Command(CaseAction action, List<String> reasons, Money amount, boolean confirmLarge) {
    public Command(CaseAction action, List<String> reasons, Money amount) {
        this(action, reasons, amount, false);
    }

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

    /** The same command carrying {@code amount} (the amount a payment pays when none was typed). */
    public Command withAmount(Money amount) {
        return new Command(action, reasons, amount, confirmLarge);
    }

    /** The same command with the large amount explicitly confirmed. */
    public Command confirmingLarge() {
        return new Command(action, reasons, amount, true);
    }
}
