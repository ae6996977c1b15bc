package org.ybdesk.launcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ybdesk.service.KeyService;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ybdesk key export|import}: the database key's escrow file, so an administrator can open the database and its
 * backups on another machine (docs/RELIABILITY.md, "Key recovery").
 */
@Command(name = "key", subcommands = {KeyCommand.Export.class, KeyCommand.Import.class})
final class KeyCommand {

    /** The passphrase from a file (first line) or YBDESK_KEY_PASSPHRASE; never from the command line itself. */
    static char[] passphrase(Path file) {
        String p;
        if (file != null) {
            try {
                p = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new ServiceException(Out.t("key.passphrase.unreadable", file.toString()));
            }
        } else {
            p = System.getenv("YBDESK_KEY_PASSPHRASE");
        }
        if (p == null || p.isEmpty()) {
            throw new ServiceException(Out.t("key.passphrase.missing"));
        }
        return p.toCharArray();
    }

    @Command(name = "export")
    static final class Export extends Base {
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;
        @Option(names = "--passphrase-file", paramLabel = "FILE")
        Path passphraseFile;

        @Override
        Integer execute() {
            String id = desk().keys().exportEscrow(out, passphrase(passphraseFile), actor());
            out().println(Out.t("key.exported", out.toAbsolutePath().toString(), id));
            return 0;
        }
    }

    @Command(name = "import")
    static final class Import extends Base {
        @Option(names = "--file", required = true, paramLabel = "FILE")
        Path file;
        @Option(names = "--passphrase-file", paramLabel = "FILE")
        Path passphraseFile;

        @Override
        Integer execute() {
            String id = KeyService.importEscrow(file, passphrase(passphraseFile));
            out().println(Out.t("key.imported", id));
            return 0;
        }
    }
}
