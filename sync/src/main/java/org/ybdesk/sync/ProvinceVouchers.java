package org.ybdesk.sync;

import java.nio.file.Path;
import java.util.Optional;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.VoucherService;
import org.ybdesk.service.VoucherService.Answer;

/**
 * The province's side of {@link VoucherService.Resolver} (issue 13): {@code POST /api/v1/vouchers/resolve} with at
 * most {@link Protocol#VOUCHER_TIMEOUT_SECONDS} seconds to connect and to answer — the applicant stands at the
 * window. A refusal of the province (unknown, expired, not a code) is REFUSED with its Chinese reason; no answer
 * (offline, timeout, an error status) is UNANSWERED with why. A desk without a province configured, or the sandbox,
 * answers UNANSWERED without a request.
 */
public final class ProvinceVouchers implements VoucherService.Resolver {
    private final ProvinceClient client;

    /** The resolver of {@code desk} with the sync configuration of {@code dataDir} (absent: never answers). */
    public static ProvinceVouchers forDesk(Desk desk, Path dataDir) {
        return new ProvinceVouchers(desk.mode() == Mode.PRODUCTION ? SyncConfig.load(dataDir) : Optional.empty());
    }

    public ProvinceVouchers(Optional<SyncConfig> config) {
        this.client = config.map(c -> new ProvinceClient(c.withTimeoutSeconds(
                Math.min(c.timeoutSeconds(), Protocol.VOUCHER_TIMEOUT_SECONDS)))).orElse(null);
    }

    /** Whether a province is configured at all (else every answer is UNANSWERED). */
    public boolean configured() {
        return client != null;
    }

    @Override
    public Answer resolve(String code) {
        if (client == null) {
            return Answer.unanswered(Texts.get("voucher.unconfigured"));
        }
        try {
            return Answer.resolved(client.resolveVoucher(code));
        } catch (Unanswered e) {
            return Answer.unanswered(e.getMessage());
        } catch (Refused e) {
            return Answer.refused(e.code(), e.getMessage());
        }
    }
}
