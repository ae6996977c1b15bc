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
        throw new ServiceException(Texts.get("login.failed.left",
                String.valueOf(MAX_FAILED_LOGINS - after.getFailedLogins())));
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
