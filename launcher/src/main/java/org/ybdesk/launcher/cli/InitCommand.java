package org.ybdesk.launcher.cli;

import org.ybdesk.service.SetupService.AgencySetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "init")
final class InitCommand extends Base {
    @Option(names = "--agency-code", paramLabel = "CODE")
    String code;
    @Option(names = "--admin-division", paramLabel = "CODE")
    String division;
    @Option(names = "--agency-name", paramLabel = "NAME")
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
        if (ctx().sandbox) {
            return sandbox();
        }
        // required for production only (the sandbox's agency is the training agency): checked here, not by picocli
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (code == null) {
            missing.add("--agency-code");
        }
        if (division == null) {
            missing.add("--admin-division");
        }
        if (name == null) {
            missing.add("--agency-name");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    Out.t("error.missing", org.ybdesk.core.i18n.Messages.joinList(missing)));
        }
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

    /**
     * {@code ybdesk --sandbox init}: the sandbox as the window's first start makes it — seeded with the training
     * data (D172) — and the training accounts; a seeded sandbox is left as it is. Agency options do not apply.
     */
    private Integer sandbox() {
        if (code != null || division != null || name != null || signature != null || hotline != null
                || window != null) {
            throw new ParameterException(spec.commandLine(), Out.t("sandbox.init.noOptions"));
        }
        desk(); // seeds on first use
        out().println(Out.t(seededNow ? "sandbox.init.seeded" : "sandbox.init.already",
                desk().folder().toString()));
        out().println(Out.t("sandbox.accounts"));
        for (org.ybdesk.service.SandboxSeeder.TrainingAccount a : org.ybdesk.service.SandboxSeeder.ACCOUNTS) {
            out().println(Out.t("sandbox.account", a.username(), a.password(), a.displayName()));
        }
        return 0;
    }
}
