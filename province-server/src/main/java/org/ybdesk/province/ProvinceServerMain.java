package org.ybdesk.province;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ybdesk.protocol.DeskRegistration;
import org.ybdesk.protocol.ProtocolJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ybdesk.province.store.Agencies;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.ReferenceStore;

/**
 * {@code province-server}: {@code start}, {@code desk add|list}, {@code reference import}. Without
 * {@code --jdbc-url} every command uses (and if needed starts) a PostgreSQL of its own in {@code --pg-dir}
 * ({@link LocalPostgres}); a command run while the server runs attaches to the server's PostgreSQL.
 */
@Command(name = "province-server", mixinStandardHelpOptions = true, version = "province-server 0.1.0 (protocol V1.0)",
        description = "Reference provincial server of YB Desk: receives desk uploads, keeps the province-wide registry.",
        subcommands = {ProvinceServerMain.Start.class, ProvinceServerMain.AgencyCmd.class, ProvinceServerMain.DeskCmd.class,
                ProvinceServerMain.ReferenceCmd.class, ProvinceServerMain.TlsCmd.class,
                ProvinceServerMain.VoucherCmd.class})
public final class ProvinceServerMain implements Runnable {
    /** Name of the database inside a server's own PostgreSQL. */
    public static final String LOCAL_DB = "ybdesk_province";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line; a refused input ({@link IllegalArgumentException}, a Chinese sentence saying what to fix) is
     * printed without a stack trace and exits with 2.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ProvinceServerMain());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println(e.getMessage());
                cmd.getErr().flush();
                return 2;
            }
            throw e;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The default folder of the server's own PostgreSQL (as root one the postgres user can reach). */
    public static Path defaultPgDir() {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/ybdesk-province/pg");
        }
        return Path.of(System.getProperty("user.home"), ".ybdesk-province", "pg");
    }

    /** Database options shared by every command. */
    static final class DbOptions {
        @Option(names = "--jdbc-url", description = "JDBC URL of an existing PostgreSQL database")
        String jdbcUrl;
        @Option(names = "--db-user", description = "database user (with --jdbc-url)")
        String dbUser;
        @Option(names = "--db-password", description = "database password (with --jdbc-url)")
        String dbPassword;
        @Option(names = "--pg-dir", description = "folder of the server's own PostgreSQL when no --jdbc-url "
                + "(default ~/.ybdesk-province/pg; as root /var/lib/ybdesk-province/pg)")
        Path pgDir;

        Opened open() {
            if (jdbcUrl != null) {
                return new Opened(null, new ProvinceDb(jdbcUrl, dbUser, dbPassword));
            }
            LocalPostgres pg = LocalPostgres.start(pgDir == null ? defaultPgDir() : pgDir);
            try {
                pg.createDatabase(LOCAL_DB);
                return new Opened(pg, new ProvinceDb(pg.jdbcUrl(LOCAL_DB), pg.user(), pg.password()));
            } catch (RuntimeException e) {
                pg.close();
                throw e;
            }
        }
    }

    /** A database and, when the server started it, its own PostgreSQL. */
    record Opened(LocalPostgres pg, ProvinceDb db) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
            if (pg != null) {
                pg.close();
            }
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts the server (Ctrl+C stops it).")
    static final class Start implements Callable<Integer> {
        @Mixin
        DbOptions dbOptions = new DbOptions();
        @Option(names = "--port", defaultValue = "8765", description = "HTTP port (default ${DEFAULT-VALUE}; 0 = free)")
        int port;
        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for the network)")
        String host;
        @Option(names = "--tls-keystore", paramLabel = "FILE",
                description = "serve HTTPS only, with this PKCS12 key store (see: tls init)")
        Path tlsKeyStore;
        @Option(names = "--tls-password-file", paramLabel = "FILE",
                description = "file whose first line is the key store's password (with --tls-keystore)")
        Path tlsPasswordFile;

        @Override
        public Integer call() throws Exception {
            ProvinceServer.Tls tls = null;
            if (tlsKeyStore != null) {
                if (tlsPasswordFile == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--tls-keystore needs --tls-password-file");
                }
                tls = new ProvinceServer.Tls(tlsKeyStore, TlsKeys.readPassword(tlsPasswordFile));
            }
            Opened opened = dbOptions.open();
            ProvinceServer server;
            try {
                int seeded = new ReferenceStore(opened.db()).seedIfEmpty();
                if (seeded > 0) {
                    System.out.println("seeded " + seeded + " reference entries (catalog, calendars)");
                }
                server = ProvinceServer.start(opened.db(), host, port, tls);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                opened.close();
                stopped.countDown();
            }, "province-server-stop"));
            System.out.println("province server ready on " + server.scheme() + "://" + host + ":" + server.port());
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "desk", mixinStandardHelpOptions = true, description = "Registers and lists desks.",
            subcommands = {DeskAdd.class, DeskList.class, DeskReplace.class})
    static final class DeskCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Registers a desk: prints its desk number and a new token (shown only once).")
    static final class DeskAdd implements Callable<Integer> {
        @Mixin
        DbOptions dbOptions = new DbOptions();
        @Option(names = "--agency", required = true, description = "agency code, e.g. 230102001")
        String agency;
        @Option(names = "--admdvs", required = true, description = "6-digit admin-division code, e.g. 230102")
        String admdvs;
        @Option(names = "--name", required = true, description = "the agency's full Chinese name, as on its notices")
        String name;
        @Option(names = "--json", description = "print the registration as JSON (DeskRegistration)")
        boolean json;
        @Option(names = "--window", description = "window number 1-99 (default: the agency's next free one)")
        Integer window;
        @Option(names = "--level", description = "level of a new agency: PROVINCE, CITY, COUNTY (default), TOWNSHIP, VILLAGE")
        String level;
        @Option(names = "--parent", description = "parent agency code of a new agency (e.g. a township's county)")
        String parent;
        @Option(names = "--agency-name", description = "name of a new agency (default: --name)")
        String agencyName;

        @Override
        public Integer call() throws Exception {
            try (Opened o = dbOptions.open()) {
                Desks.Registration r = new Desks(o.db()).add(agency, admdvs, name, window,
                        new Desks.NewAgency(level, parent, agencyName));
                print(r, json);
                return 0;
            }
        }
    }

    static void print(Desks.Registration r, boolean json) throws Exception {
        if (json) {
            System.out.println(ProtocolJson.mapper().writeValueAsString(new DeskRegistration(
                    r.desk().agencyCode(), r.desk().admdvs(), r.desk().windowNo(), r.desk().name(), r.token())));
        } else {
            System.out.println("window_no=" + String.format("%02d", r.desk().windowNo()));
            System.out.println("token=" + r.token());
        }
    }

    @Command(name = "replace", mixinStandardHelpOptions = true,
            description = "Issues a new token for an existing window (PC reinstalled or replaced); it keeps its cases.")
    static final class DeskReplace implements Callable<Integer> {
        @Mixin
        DbOptions dbOptions = new DbOptions();
        @Option(names = "--agency", required = true, description = "agency code")
        String agency;
        @Option(names = "--window", required = true, description = "the window number")
        int window;
        @Option(names = "--json", description = "print the registration as JSON (DeskRegistration)")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Opened o = dbOptions.open()) {
                print(new Desks(o.db()).replace(agency, window), json);
                return 0;
            }
        }
    }

    @Command(name = "agency", mixinStandardHelpOptions = true, description = "Registers and lists agencies.",
            subcommands = {AgencyAdd.class, AgencyList.class})
    static final class AgencyCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Registers an agency of the province.")
    static final class AgencyAdd implements Callable<Integer> {
        @Mixin
        DbOptions dbOptions = new DbOptions();
        @Option(names = "--code", required = true, description = "agency code, e.g. 230102101")
        String code;
        @Option(names = "--name", required = true, description = "full Chinese name")
        String name;
        @Option(names = "--admdvs", required = true, description = "6-digit admin-division code")
        String admdvs;
        @Option(names = "--level", required = true, description = "PROVINCE, CITY, COUNTY, TOWNSHIP or VILLAGE")
        String level;
        @Option(names = "--parent", description = "the agency it belongs to (of a higher level)")
        String parent;

        @Override
        public Integer call() {
            try (Opened o = dbOptions.open()) {
                org.ybdesk.protocol.org.Agency a = new Agencies(o.db()).add(code, name, admdvs, level, parent);
                System.out.println("agency=" + a.code() + "\t" + a.level() + "\t" + a.name());
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the agencies.")
    static final class AgencyList implements Callable<Integer> {
        @Mixin
        DbOptions dbOptions = new DbOptions();

        @Override
        public Integer call() {
            try (Opened o = dbOptions.open()) {
                for (org.ybdesk.protocol.org.Agency a : new Agencies(o.db()).list()) {
                    System.out.printf("%s\t%s\t%s\t%s\t%s%n", a.code(), a.level(), a.admdvs(),
                            a.parentCode() == null ? "-" : a.parentCode(), a.name());
                }
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists registered desks (never tokens).")
    static final class DeskList implements Callable<Integer> {
        @Mixin
        DbOptions dbOptions = new DbOptions();

        @Override
        public Integer call() {
            try (Opened o = dbOptions.open()) {
                for (Desks.Desk d : new Desks(o.db()).list()) {
                    System.out.printf("%s\t%02d\t%s\t%s%n", d.agencyCode(), d.windowNo(), d.admdvs(), d.name());
                }
                return 0;
            }
        }
    }

    @Command(name = "tls", mixinStandardHelpOptions = true, description = "HTTPS keys of the server.",
            subcommands = {TlsInit.class})
    static final class TlsCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Makes a self-signed key and certificate (PKCS12 key store + PEM certificate for desks).")
    static final class TlsInit implements Callable<Integer> {
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "the PKCS12 key store to create")
        Path keyStore;
        @Option(names = "--password-file", required = true, paramLabel = "FILE",
                description = "file whose first line is the password to protect it with")
        Path passwordFile;
        @Option(names = "--cert", required = true, paramLabel = "FILE",
                description = "where to write the certificate (PEM) the desks trust")
        Path cert;
        @Option(names = "--host", required = true, split = ",", paramLabel = "NAME",
                description = "host names and IP addresses desks use to reach the server (first = CN)")
        java.util.List<String> hosts;
        @Option(names = "--days", defaultValue = "825", description = "validity in days (default ${DEFAULT-VALUE})")
        int days;

        @Override
        public Integer call() throws Exception {
            TlsKeys.create(keyStore, TlsKeys.readPassword(passwordFile), hosts, days, cert);
            System.out.println("keystore=" + keyStore);
            System.out.println("cert=" + cert);
            return 0;
        }
    }

    @Command(name = "reference", mixinStandardHelpOptions = true, description = "Reference data for the desks.",
            subcommands = {ReferenceImport.class})
    static final class ReferenceCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Imports one reference entry from a YAML or JSON file; prints its new version.")
    static final class ReferenceImport implements Callable<Integer> {
        @Mixin
        DbOptions dbOptions = new DbOptions();
        @Option(names = "--kind", required = true, description = "CATALOG, CALENDAR, POLICY, INSTITUTIONS, ADMIN_DIVISIONS or ROUTING (key = admdvs or *)")
        String kind;
        @Option(names = "--key", required = true, description = "the entry's key: a year for CALENDAR, a version…")
        String key;
        @Parameters(index = "0", description = "the file (a calendar file with years: contributes year --key; ADMIN_DIVISIONS: the TSV list, --key = its version)")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (Opened o = dbOptions.open(); InputStream in = Files.newInputStream(file)) {
                long v = new ReferenceStore(o.db()).importFile(kind, key, in);
                System.out.println("version=" + v);
                return 0;
            }
        }
    }

    @Command(name = "voucher", mixinStandardHelpOptions = true, description = "E-vouchers the desks resolve (load the voucher table).",
            subcommands = {VoucherLoad.class})
    static final class VoucherCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Loads e-vouchers from a CSV file (code,PERSON|UNIT,ID number or credit code,name,valid until "
                    + "yyyy-MM-dd); every line is checked first, nothing is loaded when one is wrong.")
    static final class VoucherLoad implements Callable<Integer> {
        @Mixin
        DbOptions dbOptions = new DbOptions();
        @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file (UTF-8)")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(Texts.get("voucher.load.file", file));
            }
            try (Opened o = dbOptions.open(); InputStream in = Files.newInputStream(file)) {
                org.ybdesk.province.store.Vouchers.Loaded l = new org.ybdesk.province.store.Vouchers(o.db()).load(in);
                System.out.println("added=" + l.added());
                System.out.println("replaced=" + l.replaced());
                return 0;
            }
        }
    }
}
