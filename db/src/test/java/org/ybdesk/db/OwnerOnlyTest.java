package org.ybdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
    @TempDir
    Path dir;

    /**
     * The key folder is shared by the window and the commands (and by parallel test forks): one program's
     * {@code folder()} lists a temporary file that another program renames away a moment later. CI failed on this
     * once (「读写文件 ….key.tmp 失败」); without the fix this test fails within a few hundred rounds.
     */
    @Test
    void aFolderSharedByWritersIsRestrictedWhileTheyRenameTheirTemporaryFiles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int id = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        OwnerOnly.writeDurably(dir.resolve("w" + id + "-" + (i % 7) + ".key"),
                                ("round " + i).getBytes(StandardCharsets.US_ASCII));
                    }
                    return null;
                }));
            }
            Future<?> lister = pool.submit(() -> {
                while (writers.stream().anyMatch(f -> !f.isDone())) {
                    OwnerOnly.folder(dir);
                }
                return null;
            });
            for (Future<?> f : writers) {
                f.get();
            }
            lister.get();
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> !OwnerOnly.isRestricted(f))).isEmpty();
        }
    }
}
