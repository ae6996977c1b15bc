package org.ybdesk.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;

/** A desk on a real H2 file in a temp folder, with an agency and one user per role. */
final class DeskFixture implements AutoCloseable {
    final TestClock clock;
    final Desk desk;
    final Actor admin;
    final Actor clerk;
    final Actor clerk2;
    final Actor reviewer;
    final Actor rechecker;
    final Actor head;
    final Actor finance;
    /** Holds every case-working role: shows separation of duties on one person. */
    final Actor allRounder;

    DeskFixture(Path dir, LocalDate today) {
        this(dir, today, 1);
    }

    /** A desk of window {@code windowNo} (issue 12: the window is in every case number). */
    DeskFixture(Path dir, LocalDate today, int windowNo) {
        this(dir, today, "230102001", "哈尔滨市道里区医疗保障中心", "道里区医保中心", windowNo);
    }

    /** A desk of another agency (issue 12: several agencies of one county). */
    DeskFixture(Path dir, LocalDate today, String agencyCode, String agencyName, String signature) {
        this(dir, today, agencyCode, agencyName, signature, 1);
    }

    DeskFixture(Path dir, LocalDate today, String agencyCode, String agencyName, String signature, int windowNo) {
        clock = TestClock.at(today);
        desk = Desk.open(dir, Mode.PRODUCTION, clock);
        desk.setup().initAgency(new SetupService.AgencySetup(agencyCode, "230102", agencyName, signature,
                "0451-84661234", windowNo), null);
        admin = add("admin", "管理员甲", null, Role.ADMIN);
        clerk = add("clerk", "窗口乙", admin, Role.CLERK);
        clerk2 = add("clerk2", "窗口丙", admin, Role.CLERK);
        reviewer = add("reviewer", "审核丁", admin, Role.REVIEWER);
        rechecker = add("rechecker", "复核戊", admin, Role.RECHECKER);
        head = add("head", "负责人己", admin, Role.HEAD);
        finance = add("finance", "财务庚", admin, Role.FINANCE);
        allRounder = add("all", "全能辛", admin, Role.CLERK, Role.REVIEWER, Role.RECHECKER, Role.HEAD, Role.FINANCE);
    }

    /** Adds a user who is a person of their own (a fresh staff ID number) and logs them in. */
    private Actor add(String username, String name, Actor by, Role first, Role... more) {
        return add(username, name, Samples.residentId("19850101", true), by, first, more);
    }

    /** Adds a user for the given person (staff ID number) and logs them in. */
    Actor add(String username, String name, String personId, Actor by, Role first, Role... more) {
        desk.users().add(username, name, "passw0rd" + username, EnumSet.of(first, more), personId, by);
        return desk.users().login(username, "passw0rd" + username);
    }

    ServiceItem item(int no) {
        return desk.catalog().item(no);
    }

    /** Creates a case with valid sample values for every field and all materials on paper. */
    CaseView create(int itemNo, Applicant applicant, Map<String, String> fields, Actor by) {
        ServiceItem item = item(itemNo);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        return desk.cases().create(new NewCase(itemNo, applicant, Samples.fields(item, fields), m, null, null, null), by);
    }

    /**
     * The changes (items 4–6) are accepted only for an applicant registered here, with the value they change (D91):
     * registers {@code ap} as such an item needs and returns the case fields that change its phone; nothing and no
     * fields for the other items.
     */
    Map<String, String> registerForChange(int itemNo, Applicant ap) {
        if (itemNo == 4) {
            desk.registry().registerUnit(new RegistryService.UnitInput(ap.idNumber(), ap.name(), "企业",
                    "哈尔滨市道里区旧址1号", null, null, null, null, null, null, null, null, null), clerk);
        }
        if (itemNo == 5 || itemNo == 6) {
            desk.registry().registerPerson(new RegistryService.PersonInput(ap.idType(), ap.idNumber(), ap.name(),
                    null, null, itemNo == 5 ? org.ybdesk.core.registry.InsuranceType.EMPLOYEE
                    : org.ybdesk.core.registry.InsuranceType.RESIDENT, null, null, "13912345678", null, null), clerk);
            return Map.of("changeItem", "联系电话", "valueBefore", "13912345678", "valueAfter", "13700001111",
                    "phone", "13700001111");
        }
        return Map.of();
    }

    /** The fixture's person holding {@code role}. */
    Actor actorFor(Role role) {
        return switch (role) {
            case CLERK -> clerk;
            case REVIEWER -> reviewer;
            case RECHECKER -> rechecker;
            case HEAD -> head;
            case FINANCE -> finance;
            default -> throw new IllegalStateException(role.name());
        };
    }

    static Applicant person(String name) {
        return new Applicant(IdType.RESIDENT_ID, Samples.residentId(), name, "13912345678");
    }

    static Applicant institution(String name) {
        return new Applicant(null, Samples.creditCode(), name, "0451-84660000");
    }

    @Override
    public void close() {
        desk.close();
    }
}
