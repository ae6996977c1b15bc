package org.ybdesk.launcher.cli;

import org.ybdesk.service.SetupService.AgencySetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init")
final class InitCommand extends Base {
    @Option(names = "--agency-code", required = true, paramLabel = "CODE")
    String code;
    @Option(names = "--admin-division", required = true, paramLabel = "CODE")
    String division;
    @Option(names = "--agency-name", required = true, paramLabel = "NAME")
    String name;
    @Option(names = "--signature", paramLabel = "TEXT")
    String signature;
    @Option(names = "--hotline", paramLabel = "PHONE")
    String hotline;
    /** 窗口号 1–99 (D117): required until the desk has one, fixed afterwards. */
    @Option(names = "--window", paramLabel = "W")
    Integer window;

    @Override
    boolean createsDatabase() {
        return true;
    }

    @Override
    Integer execute() {
        // A set-up desk (agency and users) changes its agency only by an administrator: the name signs messages.
        var actor = desk().setup().setUp() ? admin("admin.required.init") : null;
        var a = desk().setup().initAgency(new AgencySetup(code, division, name, signature, hotline, window),
                actor);
        out().println(Out.t("init.done", a.name(), a.code(), a.adminDivisionCode(), desk().folder().toString()));
        out().println(Out.t("init.window", String.valueOf(desk().requireWindowNo())));
        if (!desk().users().anyUser()) {
            out().println(Out.t("init.next"));
        }
        return 0;
    }
}
