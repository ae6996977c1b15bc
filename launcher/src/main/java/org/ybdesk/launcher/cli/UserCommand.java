package org.ybdesk.launcher.cli;

import java.util.EnumSet;
import java.util.Set;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.UserService.UserView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "user", subcommands = {UserCommand.Add.class, UserCommand.Update.class, UserCommand.ListUsers.class})
final class UserCommand {

    static Set<Role> parseRoles(String[] roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String r : roles) {
            set.add(Role.parse(r));
        }
        return set;
    }

    static String labels(Set<Role> roles) {
        return Messages.joinList(roles.stream().map(Role::label).toList());
    }

    @Command(name = "add")
    static final class Add extends Base {
        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String displayName;
        @Option(names = "--new-password", required = true, paramLabel = "PASSWORD")
        String newPassword;
        @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE")
        String[] roles;
        @Option(names = "--person-id", required = true, paramLabel = "ID")
        String personId;

        @Override
        Integer execute() {
            Set<Role> set = parseRoles(roles);
            Actor actor = desk().users().anyUser() ? actor() : null;
            var u = desk().users().add(username, displayName, newPassword, set, personId, actor);
            out().println(Out.t("user.added", u.username(), u.displayName(), labels(u.roles())));
            return 0;
        }
    }

    /** Changes roles and/or the person ID number of an existing user (administrator). */
    @Command(name = "update")
    static final class Update extends Base {
        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;
        @Option(names = "--roles", split = ",", paramLabel = "ROLE")
        String[] roles;
        @Option(names = "--person-id", paramLabel = "ID")
        String personId;

        @Override
        Integer execute() {
            Actor actor = actor();
            var u = desk().users().update(username, roles == null ? null : parseRoles(roles), personId, actor);
            out().println(Out.t("user.updated", u.username(), u.displayName(), labels(u.roles()),
                    u.personId() == null ? Out.t("user.personId.none") : u.personId()));
            return 0;
        }
    }

    @Command(name = "list")
    static final class ListUsers extends Base {
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            var users = desk().users().list();
            output.print(users, () -> users.forEach(u -> out().println(Out.t("user.row", u.username(),
                    u.displayName(), labels(u.roles()), u.lockedUntil() == null ? "" : Out.t("user.locked"))
                    + "\t" + (u.personId() == null ? Out.t("user.personId.none") : u.personId()))));
            warnings(users);
            return 0;
        }

        /** What an administrator must fix in accounts made by an older version (on the error stream). */
        private void warnings(java.util.List<UserView> users) {
            var err = spec.commandLine().getErr();
            for (UserView u : users) {
                if (u.personId() == null) {
                    err.println(Out.t("user.warn.noPerson", u.username()));
                }
                if (!u.ignoredRoles().isEmpty()) {
                    err.println(Out.t("user.warn.adminBusiness", u.username(), labels(u.ignoredRoles())));
                }
            }
        }
    }
}
