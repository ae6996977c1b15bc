package org.ybdesk.launcher.cli;

import org.ybdesk.service.CaseService.Agent;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.PayeeKind;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine.Option;

/**
 * {@code case create}'s options for a proxy application (代办, issue 13) and the payee (拨付对象): the agent's ID,
 * ID type, name, phone, relationship to the applicant and authorisation material; {@code --pay-to 单位|个人} where
 * the item lets the applicant choose. The service checks them with the rest of the application.
 */
final class AgentOptions {
    @Option(names = "--agent-id", paramLabel = "ID")
    String id;
    @Option(names = "--agent-id-type", paramLabel = "TYPE")
    String idType;
    @Option(names = "--agent-name", paramLabel = "NAME")
    String name;
    @Option(names = "--agent-phone", paramLabel = "PHONE")
    String phone;
    @Option(names = "--agent-relation", paramLabel = "RELATION")
    String relation;
    @Option(names = "--agent-authorisation", paramLabel = "MATERIAL")
    String authorisation;
    @Option(names = "--pay-to", paramLabel = "PAYEE")
    String payTo;

    /** The application with the agent (when any --agent-* option is given) and the chosen 拨付对象. */
    NewCase apply(NewCase req) {
        NewCase out = req;
        boolean any = id != null || idType != null || name != null || phone != null || relation != null
                || authorisation != null;
        if (any) {
            out = out.with(out.circumstances().withAgent(new Agent(idType == null ? null : IdTypes.parse(idType), id,
                    name, phone, relation, authorisation)));
        }
        if (payTo != null) {
            PayeeKind k = PayeeKind.parse(payTo).orElseThrow(() -> new ServiceException(Out.t("payTo.unknown",
                    org.ybdesk.core.validation.InputHygiene.visible(payTo))));
            out = out.withPayTo(k);
        }
        return out;
    }
}
