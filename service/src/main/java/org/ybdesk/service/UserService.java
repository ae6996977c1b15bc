package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.APP_USER;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.jooq.tables.records.AppUserRecord;

/**
 * Desk users: creation with the password policy, login with lockout, roles, and the staff member's resident ID
 * number that ties each account to a person (separation of duties compares persons). Administrators hold no
 * business roles (D74).
 */
public final class UserService {
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final int BCRYPT_COST = 10;

    private final Desk desk;

    UserService(Desk desk) {
        this.desk = desk;
    }

    /** The roles that take case steps; an administrator may hold none of them. */
    public static final Set<Role> BUSINESS_ROLES = Set.copyOf(EnumSet.of(Role.CLERK, Role.REVIEWER, Role.RECHECKER,
            Role.HEAD, Role.FINANCE));

    /**
     * A user as lists show it (no password hash).
     *
     * @param roles        the roles in effect
     * @param personId     the staff member's ID number, masked (230102********1237); null when not registered yet
     * @param ignoredRoles business roles stored for an administrator by an older version: not in effect
     */
    public record UserView(long id, String username, String displayName, Set<Role> roles, boolean active,
                           OffsetDateTime lockedUntil, String personId, Set<Role> ignoredRoles) {
    }

    public boolean anyUser() {
        return desk.db().dsl().fetchExists(APP_USER);
    }

    /**
     * Adds a user. The very first user may be added without an actor (bootstrap) and must be an administrator;
     * after that only an administrator may add users.
     */
    public UserView add(String username, String displayName, String password, Set<Role> roles, String personId,
                        Actor actor) {
        List<String> problems = addProblems(username, displayName, password, roles, personId, actor);
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        String u = username.trim();
        String hash = BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
        return desk.db().write(tx -> {
            AppUserRecord r = tx.newRecord(APP_USER);
            r.setUsername(u);
            r.setDisplayName(org.ybdesk.core.validation.InputHygiene.tidy(displayName));
            r.setPasswordHash(hash);
            r.setRoles(encode(roles));
            r.setPersonIdNumber(Validators.normalizeId(personId));
            r.setActive(true);
            r.setFailedLogins(0);
            r.setCreatedAt(desk.now());
            r.store();
            desk.audited().record(tx, actor, desk.now(), "USER_ADD", "USER", u, null, view(r), null);
            return toView(r);
        });
    }

    /** Every problem with adding this user, without writing anything. */
    public List<String> addProblems(String username, String displayName, String password, Set<Role> roles,
                                    String personId, Actor actor) {
        List<String> problems = new ArrayList<>();
        boolean first = !anyUser();
        if (first && !roles.contains(Role.ADMIN)) {
            problems.add(Texts.get("user.first.admin"));
        }
        if (!first && (actor == null || !actor.has(Role.ADMIN))) {
            problems.add(Texts.get("user.add.needsAdmin"));
        }
        String u = username == null ? "" : username.trim();
        if (!u.matches("[A-Za-z0-9_.-]{2,32}")) {
            problems.add(Texts.get("user.username.invalid"));
        } else if (desk.db().dsl().fetchExists(APP_USER, APP_USER.USERNAME.eq(u))) {
            problems.add(Texts.get("user.username.taken", u));
        }
        if (displayName == null || displayName.isBlank()) {
            problems.add(Texts.get("user.displayName.missing"));
        } else {
            problems.addAll(org.ybdesk.core.validation.InputHygiene.line(Texts.get("label.displayName"), displayName,
                    org.ybdesk.core.validation.FieldLimits.USER_DISPLAY_NAME));
        }
        problems.addAll(passwordProblems(password));
        problems.addAll(personIdProblems(personId));
        problems.addAll(roleProblems(roles));
        return problems;
    }

    /** Problems of a staff member's resident ID number (18 digits, GB 11643 check digit), all at once. */
    public List<String> personIdProblems(String personId) {
        if (personId == null || personId.isBlank()) {
            return List.of(Texts.get("user.personId.missing"));
        }
        return Validators.residentId(personId, desk.today()).stream()
                .map(p -> Texts.get("user.personId.problem", p)).toList();
    }

    /** Problems of a set of roles: none chosen, or an administrator with business roles. */
    public static List<String> roleProblems(Set<Role> roles) {
        List<String> problems = new ArrayList<>();
        if (roles.isEmpty()) {
            problems.add(Texts.get("user.roles.missing"));
        }
        List<Role> business = roles.stream().filter(BUSINESS_ROLES::contains).sorted().toList();
        if (roles.contains(Role.ADMIN) && !business.isEmpty()) {
            problems.add(Texts.get("user.admin.business",
                    Messages.joinList(business.stream().map(Role::label).toList())));
        }
        return problems;
    }

    /**
     * Changes a user's roles and/or person ID number (null leaves that part unchanged). Only an administrator;
     * all problems at once; at least one active administrator remains. The user's next login carries the change.
     */
    public UserView update(String username, Set<Role> roles, String personId, Actor actor) {
        String u = username == null ? "" : username.trim();
        List<String> problems = new ArrayList<>();
        if (actor == null || !actor.has(Role.ADMIN)) {
            problems.add(Texts.get("user.update.needsAdmin"));
        }
        AppUserRecord found = desk.db().dsl().selectFrom(APP_USER).where(APP_USER.USERNAME.eq(u)).fetchOne();
        if (found == null) {
            problems.add(Texts.get("user.unknown", u));
        }
        if (roles == null && personId == null) {
            problems.add(Texts.get("user.update.nothing"));
        }
        if (roles != null) {
            problems.addAll(roleProblems(roles));
        }
        if (personId != null) {
            problems.addAll(personIdProblems(personId));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        return desk.db().write(tx -> {
            AppUserRecord r = tx.selectFrom(APP_USER).where(APP_USER.ID.eq(found.getId())).forUpdate().fetchOne();
            Map<String, Object> before = view(r);
            if (roles != null) {
                boolean wasAdmin = decode(r.getRoles()).contains(Role.ADMIN);
                if (wasAdmin && !roles.contains(Role.ADMIN) && tx.selectFrom(APP_USER)
                        .where(APP_USER.ACTIVE.isTrue(), APP_USER.ID.ne(r.getId())).fetch().stream()
                        .noneMatch(o -> decode(o.getRoles()).contains(Role.ADMIN))) {
                    throw new ServiceException(Texts.get("user.update.lastAdmin", r.getUsername()));
                }
                r.setRoles(encode(roles));
            }
            if (personId != null) {
                r.setPersonIdNumber(Validators.normalizeId(personId));
            }
            r.update();
            desk.audited().record(tx, actor, desk.now(), "USER_UPDATE", "USER", r.getUsername(), before, view(r), null);
            return toView(r);
        });
    }

    /** 8+ characters with both letters and digits, as in the provincial app. */
    public static List<String> passwordProblems(String password) {
        List<String> p = new ArrayList<>();
        if (password == null || password.length() < 8) {
            p.add(Texts.get("user.password.short"));
        }
        if (password == null || !password.matches(".*[A-Za-z].*") || !password.matches(".*[0-9].*")) {
            p.add(Texts.get("user.password.mix"));
        }
        return p;
    }

    /**
     * Checks a login. Five wrong passwords in a row lock the account for {@link #LOCK_DURATION}; each failure
     * tells how many tries are left.
     */
    public Actor login(String username, String password) {
        AppUserRecord r = desk.db().dsl().selectFrom(APP_USER).where(APP_USER.USERNAME.eq(
                username == null ? "" : username.trim())).fetchOne();
        if (r == null || !r.getActive()) {
            throw new ServiceException(Texts.get("login.failed"));
        }
        OffsetDateTime now = desk.now();
        if (r.getLockedUntil() != null && r.getLockedUntil().isAfter(now)) {
            long minutes = Math.max(1, Duration.between(now, r.getLockedUntil()).toMinutes() + 1);
            throw new ServiceException(Texts.get("login.locked", String.valueOf(minutes)));
        }
        boolean ok = password != null
                && BCrypt.verifyer().verify(password.toCharArray(), r.getPasswordHash()).verified;
        Actor actor = desk.db().write(tx -> {
            AppUserRecord cur = tx.selectFrom(APP_USER).where(APP_USER.ID.eq(r.getId())).fetchOne();
            if (ok) {
                if (cur.getFailedLogins() != 0 || cur.getLockedUntil() != null) {
                    cur.setFailedLogins(0);
                    cur.setLockedUntil(null);
                    cur.update();
                }
                return toActor(cur);
            }
            int failed = cur.getFailedLogins() + 1;
            boolean lock = failed >= MAX_FAILED_LOGINS;
            cur.setFailedLogins(lock ? 0 : failed);
            cur.setLockedUntil(lock ? now.plus(LOCK_DURATION) : null);
            cur.update();
            desk.audited().record(tx, null, now, lock ? "LOGIN_LOCKED" : "LOGIN_FAILED", "USER", cur.getUsername(), null,
                    Map.of("failed", failed), null);
            return null;
        });
        if (actor != null) {
            return actor;
        }
        // The failure was recorded (committed) above; now tell the person how it stands.
        AppUserRecord after = desk.db().dsl().selectFrom(APP_USER).where(APP_USER.ID.eq(r.getId())).fetchOne();
        if (after.getLockedUntil() != null) {
            throw new ServiceException(Texts.get("login.nowLocked", String.valueOf(LOCK_DURATION.toMinutes())));
        }
        // the same words as for an unknown user: a wrong password does not tell that the account exists (D177)
        throw new ServiceException(Texts.get("login.failed"));
    }

    // ------------------------------------------------------------------------------- issue 15: users in the window

    /** The idle time after which the window locks itself, when the administrator has not set one. */
    public static final int IDLE_LOCK_DEFAULT_MINUTES = 10;
    static final String SETTING_IDLE_LOCK = "screen.idleLockMinutes";

    /** Whether the user must choose a new password before working (after an administrator reset it). */
    public boolean mustChangePassword(long userId) {
        Boolean b = desk.db().dsl().select(APP_USER.MUST_CHANGE_PASSWORD).from(APP_USER)
                .where(APP_USER.ID.eq(userId)).fetchOne(APP_USER.MUST_CHANGE_PASSWORD);
        return Boolean.TRUE.equals(b);
    }

    /** Enables or disables a user (administrator; not oneself; at least one active administrator remains). */
    public UserView setActive(String username, boolean active, Actor actor) {
        return adminChange(username, actor, "USER_" + (active ? "ENABLE" : "DISABLE"), (tx, r) -> {
            if (!active && actor.id() == r.getId()) {
                throw new ServiceException(Texts.get("user.disable.self"));
            }
            if (!active && decode(r.getRoles()).contains(Role.ADMIN) && otherActiveAdmins(tx, r.getId()) == 0) {
                throw new ServiceException(Texts.get("user.update.lastAdmin", r.getUsername()));
            }
            r.setActive(active);
        });
    }

    /** Lifts a lockout after wrong passwords (administrator). */
    public UserView unlock(String username, Actor actor) {
        return adminChange(username, actor, "USER_UNLOCK", (tx, r) -> {
            r.setFailedLogins(0);
            r.setLockedUntil(null);
        });
    }

    /**
     * Sets a new password chosen by the administrator; the user must change it at the next login, and a lockout is
     * lifted with it.
     */
    public UserView resetPassword(String username, String newPassword, Actor actor) {
        List<String> problems = passwordProblems(newPassword);
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        String hash = BCrypt.withDefaults().hashToString(BCRYPT_COST, newPassword.toCharArray());
        return adminChange(username, actor, "USER_PASSWORD_RESET", (tx, r) -> {
            r.setPasswordHash(hash);
            r.setMustChangePassword(true);
            r.setFailedLogins(0);
            r.setLockedUntil(null);
        });
    }

    /** The user changes their own password (after a reset, at login): the new one must differ from the old. */
    public void changePassword(Actor self, String oldPassword, String newPassword, String repeated) {
        AppUserRecord r = desk.db().dsl().selectFrom(APP_USER).where(APP_USER.ID.eq(self.id())).fetchOne();
        List<String> problems = new ArrayList<>();
        if (r == null || oldPassword == null
                || !BCrypt.verifyer().verify(oldPassword.toCharArray(), r.getPasswordHash()).verified) {
            problems.add(Texts.get("user.password.oldWrong"));
        }
        problems.addAll(passwordProblems(newPassword));
        if (newPassword != null && !newPassword.equals(repeated)) {
            problems.add(Texts.get("user.password.repeat"));
        }
        if (newPassword != null && newPassword.equals(oldPassword)) {
            problems.add(Texts.get("user.password.same"));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        String hash = BCrypt.withDefaults().hashToString(BCRYPT_COST, newPassword.toCharArray());
        desk.db().write(tx -> {
            AppUserRecord cur = tx.selectFrom(APP_USER).where(APP_USER.ID.eq(self.id())).forUpdate().fetchOne();
            cur.setPasswordHash(hash);
            cur.setMustChangePassword(false);
            cur.update();
            desk.audited().record(tx, self, desk.now(), "USER_PASSWORD_CHANGE", "USER", cur.getUsername(), null, null,
                    null);
            return null;
        });
    }

    /** The login name of a user (the lock screen fills it in for the user who locked it). */
    public String username(long userId) {
        return desk.db().dsl().select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOne(APP_USER.USERNAME);
    }

    /** Records that the screen was locked (by the person or by the idle timer). */
    public void screenLocked(Actor actor, boolean idle) {
        desk.db().write(tx -> {
            desk.audited().record(tx, actor, desk.now(), idle ? "SCREEN_IDLE_LOCK" : "SCREEN_LOCK", "USER",
                    username(actor.id()), null, null, null);
            return null;
        });
    }

    /**
     * Unlocks the screen or switches the window to another user: checks the login like {@link #login} (same message,
     * same lockout counting) and records who took over from whom.
     */
    public Actor takeOver(Actor from, String username, String password) {
        Actor to = login(username, password);
        desk.db().write(tx -> {
            boolean same = from != null && from.id() == to.id();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("user", from == null ? null : username(from.id()));
            desk.audited().record(tx, to, desk.now(), same ? "SCREEN_UNLOCK" : "USER_SWITCH", "USER",
                    username(to.id()), same ? null : before, null, null);
            return null;
        });
        return to;
    }

    /** Minutes of no keyboard or mouse after which the window locks itself (1–120; default 10). */
    public int idleLockMinutes() {
        var ds = org.ybdesk.db.jooq.Tables.DESK_SETTING;
        String v = desk.db().dsl().select(ds.SETTING).from(ds).where(ds.NAME.eq(SETTING_IDLE_LOCK)).fetchOne(ds.SETTING);
        try {
            return v == null ? IDLE_LOCK_DEFAULT_MINUTES : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return IDLE_LOCK_DEFAULT_MINUTES;
        }
    }

    /** Sets the idle lock time (administrator, 1–120 minutes, audited). */
    public void setIdleLockMinutes(String minutes, Actor actor) {
        List<String> problems = new ArrayList<>();
        if (actor == null || !actor.has(Role.ADMIN)) {
            problems.add(Texts.get("user.admin.needed"));
        }
        int m = -1;
        try {
            m = Integer.parseInt(minutes == null ? "" : minutes.trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (m < 1 || m > 120) {
            problems.add(Texts.get("user.idleLock.range", minutes == null ? "" : minutes.trim()));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        String value = String.valueOf(m);
        int before = idleLockMinutes();
        var ds = org.ybdesk.db.jooq.Tables.DESK_SETTING;
        desk.db().write(tx -> {
            OffsetDateTime now = desk.now();
            tx.mergeInto(ds).using(org.jooq.impl.DSL.selectOne()).on(ds.NAME.eq(SETTING_IDLE_LOCK))
                    .whenMatchedThenUpdate().set(ds.SETTING, value).set(ds.UPDATED_AT, now)
                    .whenNotMatchedThenInsert(ds.NAME, ds.SETTING, ds.UPDATED_AT)
                    .values(SETTING_IDLE_LOCK, value, now).execute();
            desk.audited().record(tx, actor, now, "IDLE_LOCK_CONFIGURE", "SETTING", SETTING_IDLE_LOCK,
                    Map.of("minutes", before), Map.of("minutes", value), null);
            return null;
        });
    }

    private interface Change {
        void apply(org.jooq.DSLContext tx, AppUserRecord r);
    }

    /** One administrator's change to one user: checked, applied under the row lock, audited before → after. */
    private UserView adminChange(String username, Actor actor, String action, Change change) {
        String u = username == null ? "" : username.trim();
        List<String> problems = new ArrayList<>();
        if (actor == null || !actor.has(Role.ADMIN)) {
            problems.add(Texts.get("user.admin.needed"));
        }
        AppUserRecord found = desk.db().dsl().selectFrom(APP_USER).where(APP_USER.USERNAME.eq(u)).fetchOne();
        if (found == null) {
            problems.add(Texts.get("user.unknown", u));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        return desk.db().write(tx -> {
            AppUserRecord r = tx.selectFrom(APP_USER).where(APP_USER.ID.eq(found.getId())).forUpdate().fetchOne();
            Map<String, Object> before = state(r);
            change.apply(tx, r);
            r.update();
            desk.audited().record(tx, actor, desk.now(), action, "USER", r.getUsername(), before, state(r), null);
            return toView(r);
        });
    }

    private static int otherActiveAdmins(org.jooq.DSLContext tx, long id) {
        return (int) tx.selectFrom(APP_USER).where(APP_USER.ACTIVE.isTrue(), APP_USER.ID.ne(id)).fetch().stream()
                .filter(o -> decode(o.getRoles()).contains(Role.ADMIN)).count();
    }

    private static Map<String, Object> state(AppUserRecord r) {
        Map<String, Object> m = view(r);
        m.put("active", r.getActive());
        m.put("lockedUntil", r.getLockedUntil() == null ? null : r.getLockedUntil().toString());
        m.put("mustChangePassword", r.getMustChangePassword());
        return m;
    }

    public List<UserView> list() {
        return desk.db().dsl().selectFrom(APP_USER).orderBy(APP_USER.ID).fetch().map(UserService::toView);
    }

    public Actor actor(long userId) {
        return toActor(desk.db().dsl().selectFrom(APP_USER).where(APP_USER.ID.eq(userId)).fetchOne());
    }

    static Actor toActor(AppUserRecord r) {
        return new Actor(r.getId(), r.getDisplayName(), effectiveRoles(decode(r.getRoles())), r.getPersonIdNumber());
    }

    /**
     * The roles in effect: an administrator's business roles (stored by a version before D74) are ignored, so an
     * administrator account never takes a case step.
     */
    static Set<Role> effectiveRoles(Set<Role> stored) {
        if (!stored.contains(Role.ADMIN)) {
            return stored;
        }
        Set<Role> s = EnumSet.copyOf(stored);
        s.removeAll(BUSINESS_ROLES);
        return s;
    }

    private static UserView toView(AppUserRecord r) {
        Set<Role> stored = decode(r.getRoles());
        Set<Role> effective = effectiveRoles(stored);
        Set<Role> ignored = EnumSet.noneOf(Role.class);
        ignored.addAll(stored);
        ignored.removeAll(effective);
        return new UserView(r.getId(), r.getUsername(), r.getDisplayName(), effective, r.getActive(),
                r.getLockedUntil(), CaseViews.mask(r.getPersonIdNumber()), ignored);
    }

    private static Map<String, Object> view(AppUserRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", r.getUsername());
        m.put("displayName", r.getDisplayName());
        m.put("roles", r.getRoles());
        m.put("personId", r.getPersonIdNumber());
        return m;
    }

    static String encode(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    static Set<Role> decode(String roles) {
        Set<Role> s = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(x -> !x.isBlank()).map(Role::valueOf).forEach(s::add);
        return s;
    }
}
