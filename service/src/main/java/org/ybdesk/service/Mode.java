package org.ybdesk.service;

/** Production or the trainers' sandbox (培训环境): separate database folders, separate identities. */
public enum Mode {
    PRODUCTION("prod"), SANDBOX("sandbox");

    private final String folder;

    Mode(String folder) {
        this.folder = folder;
    }

    /** 生产环境 / 培训环境. */
    public String label() {
        return Texts.get("mode." + name());
    }

    /** The sub-folder of the data folder holding this mode's database. */
    public String folder() {
        return folder;
    }
}
