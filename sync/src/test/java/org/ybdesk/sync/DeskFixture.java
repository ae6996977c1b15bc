package org.ybdesk.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService.PersonInput;
import org.ybdesk.service.SetupService;

/** A real desk on a real H2 file in a temp folder, with an agency, an administrator and a clerk. */
final class DeskFixture {
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500));

    /** The tests' fixed clock: never today's date (the suite must pass on any day). */
    static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-16T02:00:00Z"), Desk.ZONE);

    private DeskFixture() {
    }

    static Desk open(Path dataDir, Mode mode) {
        return open(dataDir, mode, 1);
    }

    /** A desk of window {@code windowNo}: the window the province registered it with (issue 12, D117). */
    static Desk open(Path dataDir, Mode mode, int windowNo) {
        Desk d = Desk.open(dataDir, mode, CLOCK);
        if (d.agency().isEmpty()) {
            d.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234", windowNo), null);
            d.users().add("admin", "管理员甲", "passadmin1", EnumSet.of(Role.ADMIN), residentId("19750101"), null);
            Actor admin = d.users().login("admin", "passadmin1");
            d.users().add("clerk", "窗口乙", "passclerk1", EnumSet.of(Role.CLERK), residentId("19850101"), admin);
        }
        return d;
    }

    static Actor clerk(Desk d) {
        return d.users().login("clerk", "passclerk1");
    }

    /** A valid resident ID of Harbin Daoli district born on {@code birth} (yyyyMMdd), unique per call. */
    static String residentId(String birth) {
        String first17 = "230102" + birth + String.format("%03d", SEQ.incrementAndGet() % 1000);
        return first17 + Validators.residentIdCheckChar(first17);
    }

    /** A person's name without digits: 测试 + the number in Chinese digits (0 → 测试零). */
    static String name(int i) {
        String digits = "零一二三四五六七八九";
        StringBuilder b = new StringBuilder("测试");
        for (char c : String.valueOf(i).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }

    /** Registers {@code n} persons (one outbox message each); returns their ID numbers in order. */
    static java.util.List<String> registerPersons(Desk d, Actor clerk, int n) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = residentId(String.format("19%02d0101", 50 + (i / 900) % 50));
            d.registry().registerPerson(new PersonInput(IdType.RESIDENT_ID, id, name(i), null, null,
                    InsuranceType.RESIDENT, null, null, null, null, null), clerk);
            ids.add(id);
        }
        return ids;
    }
}
