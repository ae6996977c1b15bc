package org.ybdesk.sync;

/** One sync round: the upload and the pulls (null when not reached), and why it stopped (Chinese, null = fine). */
public record SyncReport(boolean configured, Uploader.Report upload, Puller.Report pull, String error) {
    public boolean ok() {
        return configured && error == null;
    }

    public int refused() {
        return upload == null ? 0 : upload.refused();
    }
}
