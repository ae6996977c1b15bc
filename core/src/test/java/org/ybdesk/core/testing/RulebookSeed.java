package org.ybdesk.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the rulebook seed ({@code shared/seeds/002_*.txt}) for tests that check our data against the text it was
 * transcribed from. It walks up from the working directory (surefire runs in the module directory) or takes
 * {@code -Dybdesk.seeds=DIR}. A checkout without the folder beside it (a fresh clone elsewhere) cannot run these
 * checks: {@link #require()} then skips the test with the reason, visibly (JUnit reports it as skipped and the reason
 * is printed), instead of failing. Two seeds in one folder are an error, never a skip.
 */
public final class RulebookSeed {
    /** The name pattern of the operating rules' seed. */
    public static final String RULEBOOK = "002_.*\\.txt";

    private static volatile boolean told;

    private RulebookSeed() {
    }

    /** The seed file matching {@code pattern} in the nearest {@code shared/seeds}, if there is one. */
    public static Optional<Path> find(String pattern) {
        for (Path seeds : candidates()) {
            if (!Files.isDirectory(seeds)) {
                continue;
            }
            try (Stream<Path> files = Files.list(seeds)) {
                List<Path> found = files.filter(p -> p.getFileName().toString().matches(pattern)).sorted().toList();
                if (found.size() > 1) {
                    throw new IllegalStateException("more than one seed " + pattern + " in " + seeds + ": " + found);
                }
                if (found.size() == 1) {
                    return Optional.of(found.get(0));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /** The rulebook seed, or a skipped test saying where it was looked for. */
    public static Path require() {
        return require(RULEBOOK);
    }

    /** The seed matching {@code pattern}, or a skipped test saying where it was looked for. */
    public static Path require(String pattern) {
        Optional<Path> seed = find(pattern);
        if (seed.isEmpty()) {
            String reason = "SKIPPED (no rulebook text): shared/seeds/" + pattern + " not found in " + candidates()
                    + "; clone the project beside the shared folder or pass -Dybdesk.seeds=DIR to run this check";
            if (!told) {
                told = true;
                System.err.println(reason);
            }
            Assumptions.abort(reason);
        }
        return seed.get();
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String property = System.getProperty("ybdesk.seeds");
        if (property != null && !property.isBlank()) {
            out.add(Paths.get(property).toAbsolutePath());
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            out.add(dir.resolve("shared").resolve("seeds"));
        }
        return out;
    }
}
