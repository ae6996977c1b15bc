package org.ybdesk.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.protocol.org.CaseHistory;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.ClaimRequest;
import org.ybdesk.protocol.org.ReassignRequest;
import org.ybdesk.protocol.org.ReassignResult;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;

/**
 * The online hand-offs of a case between desks (issue 12), for the window and {@code ybdesk case claim | holder |
 * reassign}: each asks the province first — it alone decides who holds a case, atomically — and then records its
 * answer in the desk's holdings ({@code service.Holdings}). Offline, a claim or a reassignment is refused with a
 * Chinese reason and nothing changes; the holder is answered from what the desk knows, marked as such. A refusal of
 * the province (a case held by another desk, a request this desk may not make) is a {@link ServiceException} with
 * the province's own Chinese sentence, which names the holder.
 */
public final class Handoffs {
    private final Desk desk;
    private final ProvinceClient client;

    /** The hand-offs of {@code desk} with the sync configuration of {@code dataDir} (absent: offline). */
    public static Handoffs forDesk(Desk desk, Path dataDir) {
        return new Handoffs(desk, SyncConfig.load(dataDir));
    }

    public Handoffs(Desk desk, Optional<SyncConfig> config) {
        this.desk = desk;
        this.client = desk.mode() == Mode.PRODUCTION ? config.map(ProvinceClient::new).orElse(null) : null;
    }

    /** Who holds a case: the province's answer when it gave one, else what this desk knows (with why). */
    public record HolderAnswer(CaseHolder holder, boolean online, String note) {
    }

    /**
     * 领取: the province gives the case to this desk if it waits in the pool of the desk's agency (the first claim
     * wins; claiming again a case this desk holds is harmless); the desk then holds it and has its whole history.
     */
    public CaseView claim(String caseNo, Actor actor) {
        requireActor(actor);
        ProvinceClient c = online("handoff.claim.offline");
        CaseHistory history;
        try {
            history = c.claim(caseNo, new ClaimRequest(username(actor), actor.name()));
        } catch (Unanswered e) {
            throw new ServiceException(Texts.get("handoff.claim.offline", e.getMessage()));
        } catch (Refused e) {
            throw new ServiceException(Texts.get("handoff.claim.refused", caseNo, e.getMessage()));
        }
        return desk.holdings().recordClaim(history, actor);
    }

    /** Who holds the case: asked at the province; offline (or unknown there), what this desk knows. */
    public HolderAnswer holder(String caseNo) {
        String note;
        if (client == null) {
            note = Texts.get("handoff.holder.local", Texts.get("handoff.unconfigured"));
        } else {
            try {
                return new HolderAnswer(client.history(caseNo).holder(), true, null);
            } catch (Unanswered e) {
                note = Texts.get("handoff.holder.local", e.getMessage());
            } catch (Refused e) {
                note = Texts.get("handoff.holder.local", e.getMessage());
            }
        }
        CaseHolder local = desk.holdings().holder(caseNo).orElseThrow(() -> new ServiceException(
                Texts.get("handoff.holder.unknown", caseNo, note)));
        return new HolderAnswer(local, false, note);
    }

    /**
     * A supervisor (负责人) or an administrator moves the cases held by a lost desk of this agency
     * ({@code fromWindow}) to the agency's pool ({@code toWindow} null) or to another of its desks; {@code caseNos}
     * limits it (empty or null: all). The reason is required; the province keeps it with each case's history and the
     * desk records the move (audited).
     */
    public ReassignResult reassign(int fromWindow, Integer toWindow, List<String> caseNos, String reason,
                                   Actor actor) {
        requireActor(actor);
        if (!actor.has(Role.HEAD) && !actor.has(Role.ADMIN)) {
            throw new ServiceException(Texts.get("handoff.reassign.forbidden"));
        }
        List<String> problems = new ArrayList<>();
        if (fromWindow < 0 || fromWindow > 999) {
            problems.add(Texts.get("handoff.reassign.window", "--from-window", fromWindow));
        }
        if (toWindow != null && (toWindow < 0 || toWindow > 999)) {
            problems.add(Texts.get("handoff.reassign.window", "--to-window", toWindow));
        }
        if (toWindow != null && toWindow == fromWindow) {
            problems.add(Texts.get("handoff.reassign.same", fromWindow));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Texts.get("handoff.reassign.reason"));
        } else {
            problems.addAll(InputHygiene.lines(Texts.get("handoff.reassign.reasonLabel"), reason, 500));
        }
        if (caseNos != null) {
            for (String no : caseNos) {
                if (no == null || !no.matches("[0-9A-Za-z]{1,64}")) {
                    problems.add(Texts.get("error.caseNo", String.valueOf(no)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        ProvinceClient c = online("handoff.reassign.offline");
        ReassignRequest request = new ReassignRequest(fromWindow, toWindow,
                caseNos == null || caseNos.isEmpty() ? null : List.copyOf(caseNos), InputHygiene.tidy(reason),
                username(actor), actor.name());
        ReassignResult result;
        try {
            result = c.reassign(request);
        } catch (Unanswered e) {
            throw new ServiceException(Texts.get("handoff.reassign.offline", e.getMessage()));
        } catch (Refused e) {
            throw new ServiceException(Texts.get("handoff.reassign.refused", e.getMessage()));
        }
        desk.holdings().recordReassign(request, result, actor);
        return result;
    }

    private ProvinceClient online(String offlineKey) {
        if (desk.mode() != Mode.PRODUCTION) {
            throw new ServiceException(Texts.get("engine.sandbox"));
        }
        if (client == null) {
            throw new ServiceException(Texts.get(offlineKey, Texts.get("handoff.unconfigured")));
        }
        return client;
    }

    private static void requireActor(Actor actor) {
        if (actor == null) {
            throw new ServiceException(Texts.get("handoff.login"));
        }
    }

    /** The actor's login name (the province's {@code opter}); the display name when the account is gone. */
    private String username(Actor actor) {
        return desk.users().list().stream().filter(u -> u.id() == actor.id()).map(u -> u.username()).findFirst()
                .orElse(actor.name());
    }
}
