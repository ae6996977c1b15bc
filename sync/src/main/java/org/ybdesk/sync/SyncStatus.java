package org.ybdesk.sync;

import java.time.OffsetDateTime;

/**
 * What the status bar and the sync screen show: configured or not, 联网/离线, 待上传 N, refused messages and open
 * 退回任务, the last successful sync and the last error (Chinese), whether a round is running, and the quarantined
 * chains (D124: how many, and the reason of the oldest; {@code SyncStore.quarantined()} lists them).
 */
public record SyncStatus(boolean configured, boolean online, boolean running, int pending, int failing, int refused,
                         int acked, int openTasks, OffsetDateTime lastSuccessAt, OffsetDateTime lastAttemptAt,
                         String lastError, int quarantinedChains, String quarantineReason) {
}
