package org.ybdesk.launcher.cli;

import java.util.EnumSet;
import java.util.Set;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "user", subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand {

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

        @Override
        Integer execute() {
            Set<Role> set = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                set.add(Role.parse(r));
            }
            Actor actor = desk().users().anyUser() ? actor() : null;
            var u = desk().users().add(username, displayName, newPassword, set, actor);
            out().println(Out.t("user.added", u.username(), u.displayName(),
                    org.ybdesk.core.i18n.Messages.joinList(u.roles().stream().map(Role::label).toList())));
            return 0;
        }
    }

    @Command(name = "list")
    static final class ListUsers extends Base {
        @Option(names = "--json")
        boolean json;

        @Override
        Integer execute() {
            actor();
            var users = desk().users().list();
            if (json) {
                Out.json(out(), users);
            } else {
                users.forEach(u -> out().println(Out.t("user.row", u.username(), u.displayName(),
                        org.ybdesk.core.i18n.Messages.joinList(u.roles().stream().map(Role::label).toList()),
                        u.lockedUntil() == null ? "" : Out.t("user.locked"))));
            }
            return 0;
        }
    }
}
