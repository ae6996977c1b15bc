package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.REGISTRY_PERSON;
import static org.ybdesk.province.jooq.Tables.REGISTRY_UNIT;
import static org.ybdesk.province.jooq.Tables.VOUCHER;
import static org.ybdesk.province.jooq.Tables.VOUCHER_LOOKUP;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.core.validation.VoucherCodes;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.voucher.VoucherResolution;
import org.ybdesk.province.ApiException;
import org.ybdesk.province.Texts;
import org.ybdesk.province.jooq.tables.records.RegistryPersonRecord;
import org.ybdesk.province.jooq.tables.records.RegistryUnitRecord;
import org.ybdesk.province.jooq.tables.records.VoucherRecord;

/**
 * The e-vouchers the province knows (医保电子凭证, issue 13): loaded from a CSV file ({@link #load}), resolved for a
 * desk against this table and the registry ({@link #resolve}). The registry's name and ID type win over the
 * voucher table's when the person or unit is registered.
 */
public final class Vouchers {
    /** At most this many problem lines are listed when a file is refused. */
    static final int MAX_LISTED = 30;
    private final ProvinceDb db;

    public Vouchers(ProvinceDb db) {
        this.db = db;
    }

    /** What a load did: codes new to the table, codes whose row was replaced. */
    public record Loaded(int added, int replaced) {
    }

    /**
     * Loads a CSV file (UTF-8; columns code, kind PERSON/UNIT, ID number or credit code, name, valid until
     * yyyy-MM-dd; an optional header line starting with {@code code}; blank lines and lines starting with
     * {@code #} skipped). Every line is checked first and every problem listed (line number and what to fix,
     * {@link IllegalArgumentException}); nothing is loaded then. Otherwise all rows are written in one
     * transaction, a code already present being replaced.
     */
    public Loaded load(InputStream in) throws IOException {
        Map<String, VoucherRecord> rows = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        OffsetDateTime now = db.now();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || (no == 1 && t.toLowerCase().startsWith("code"))) {
                    continue;
                }
                List<String> p = new ArrayList<>();
                VoucherRecord v = row(t, now, p);
                if (v != null && rows.containsKey(v.getCode())) {
                    p.add(Texts.get("voucher.load.duplicate", v.getCode()));
                }
                if (p.isEmpty()) {
                    rows.put(v.getCode(), v);
                } else {
                    problems.add(Texts.get("voucher.load.line", no, String.join("；", p)));
                }
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(Texts.get("voucher.load.empty"));
        }
        if (!problems.isEmpty()) {
            List<String> shown = problems.size() > MAX_LISTED ? new ArrayList<>(problems.subList(0, MAX_LISTED))
                    : problems;
            if (problems.size() > MAX_LISTED) {
                shown.add(Texts.get("voucher.load.more", problems.size() - MAX_LISTED));
            }
            throw new IllegalArgumentException(Texts.get("voucher.load.refused", problems.size(),
                    String.join("\n", shown)));
        }
        return db.write(tx -> {
            int added = 0;
            int replaced = 0;
            for (VoucherRecord v : rows.values()) {
                int n = tx.update(VOUCHER).set(VOUCHER.KIND, v.getKind()).set(VOUCHER.ID_NUMBER, v.getIdNumber())
                        .set(VOUCHER.NAME, v.getName()).set(VOUCHER.VALID_UNTIL, v.getValidUntil())
                        .set(VOUCHER.LOADED_AT, v.getLoadedAt()).where(VOUCHER.CODE.eq(v.getCode())).execute();
                if (n == 0) {
                    tx.insertInto(VOUCHER).set(v).execute();
                    added++;
                } else {
                    replaced++;
                }
            }
            return new Loaded(added, replaced);
        });
    }

    /** One CSV line as a row, or null with its problems added to {@code p}. */
    private static VoucherRecord row(String line, OffsetDateTime now, List<String> p) {
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            p.add(Texts.get("voucher.load.columns", f.length));
            return null;
        }
        String code = Validators.normalizeId(f[0]);
        String kind = f[1].strip().toUpperCase();
        String id = Validators.normalizeId(f[2]);
        String name = f[3].strip();
        String until = f[4].strip();
        Optional<VoucherCodes.Kind> codeKind = VoucherCodes.kind(code);
        if (codeKind.isEmpty()) {
            p.add(Texts.get("voucher.load.code", shown(code), String.join("；", VoucherCodes.problems(code))));
        }
        if (!kind.equals(VoucherResolution.PERSON) && !kind.equals(VoucherResolution.UNIT)) {
            p.add(Texts.get("voucher.load.kind", shown(f[1].strip())));
        } else if (codeKind.isPresent() && !codeKind.get().name().equals(kind)) {
            p.add(Texts.get("voucher.load.kindLetter", kind, String.valueOf(code.charAt(0))));
        }
        LocalDate today = now.toLocalDate();
        if (kind.equals(VoucherResolution.UNIT)) {
            Validators.creditCode(id).forEach(x -> p.add(Texts.get("voucher.load.creditCode", x)));
        } else if (kind.equals(VoucherResolution.PERSON)) {
            if (id.matches("\\d{17}[0-9X]|\\d{15}|\\d{16,19}")) {
                Validators.residentId(id, today).forEach(x -> p.add(Texts.get("voucher.load.idNumber", x)));
            } else if (!id.matches("[0-9A-Z]{6,40}")) {
                p.add(Texts.get("voucher.load.idOther", shown(id)));
            }
        }
        List<String> nameProblems = InputHygiene.requiredLine(Texts.get("voucher.load.nameLabel"), name, 100);
        p.addAll(nameProblems);
        LocalDate validUntil = null;
        try {
            validUntil = LocalDate.parse(until, InputHygiene.ISO_DATE);
        } catch (DateTimeParseException e) {
            p.add(Texts.get("voucher.load.date", shown(until)));
        }
        if (!p.isEmpty()) {
            return null;
        }
        VoucherRecord v = new VoucherRecord();
        v.setCode(code);
        v.setKind(kind);
        v.setIdNumber(id);
        v.setName(name);
        v.setValidUntil(validUntil);
        v.setLoadedAt(now);
        return v;
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /**
     * Who the code belongs to, for {@code desk}: 400 {@code VOUCHER_INVALID} for what is not a voucher code, 404
     * {@code VOUCHER_UNKNOWN}, 422 {@code VOUCHER_EXPIRED} (past its last valid day, on the server's clock). Every
     * call is logged in {@code voucher_lookup}.
     */
    public VoucherResolution resolve(Desks.Desk desk, String rawCode) {
        String code = Validators.normalizeId(rawCode == null ? "" : rawCode);
        if (VoucherCodes.kind(code).isEmpty()) {
            log(desk, code, Protocol.VOUCHER_INVALID);
            throw new ApiException(400, Protocol.VOUCHER_INVALID, Texts.get("voucher.invalid",
                    String.join("；", VoucherCodes.problems(code))));
        }
        VoucherRecord v = db.dsl().selectFrom(VOUCHER).where(VOUCHER.CODE.eq(code)).fetchOne();
        if (v == null) {
            log(desk, code, Protocol.VOUCHER_UNKNOWN);
            throw new ApiException(404, Protocol.VOUCHER_UNKNOWN, Texts.get("voucher.unknown", code));
        }
        LocalDate today = db.now().toLocalDate();
        if (v.getValidUntil().isBefore(today)) {
            log(desk, code, Protocol.VOUCHER_EXPIRED);
            throw new ApiException(422, Protocol.VOUCHER_EXPIRED, Texts.get("voucher.expired", code,
                    v.getValidUntil().toString()));
        }
        VoucherResolution res;
        if (VoucherResolution.UNIT.equals(v.getKind())) {
            RegistryUnitRecord u = db.dsl().selectFrom(REGISTRY_UNIT)
                    .where(REGISTRY_UNIT.CREDIT_CODE.eq(v.getIdNumber())).fetchOne();
            res = new VoucherResolution(code, v.getKind(), null, v.getIdNumber(), u == null ? v.getName() : u.getName(),
                    v.getValidUntil().toString(), u != null, u == null ? null : u.getStatus(),
                    u == null ? null : u.getAdmdvs());
        } else {
            RegistryPersonRecord p = db.dsl().selectFrom(REGISTRY_PERSON)
                    .where(REGISTRY_PERSON.ID_NUMBER.eq(v.getIdNumber())).fetchOne();
            String idType = p != null ? p.getIdType()
                    : v.getIdNumber().matches("\\d{17}[0-9X]") ? "RESIDENT_ID" : null;
            res = new VoucherResolution(code, v.getKind(), idType, v.getIdNumber(), p == null ? v.getName()
                    : p.getName(), v.getValidUntil().toString(), p != null, p == null ? null : p.getStatus(),
                    p == null ? null : p.getAdmdvs());
        }
        log(desk, code, "RESOLVED");
        return res;
    }

    private void log(Desks.Desk desk, String code, String outcome) {
        db.write(tx -> tx.insertInto(VOUCHER_LOOKUP).set(VOUCHER_LOOKUP.DESK_ID, desk.id())
                .set(VOUCHER_LOOKUP.CODE, code.length() > 40 ? code.substring(0, 40) : code)
                .set(VOUCHER_LOOKUP.OUTCOME, outcome).set(VOUCHER_LOOKUP.LOOKED_UP_AT, db.now()).execute());
    }

    /** How many lookups {@code desk} made (tests, operators). */
    public int lookups(long deskId) {
        return db.dsl().fetchCount(VOUCHER_LOOKUP, VOUCHER_LOOKUP.DESK_ID.eq(deskId));
    }
}
