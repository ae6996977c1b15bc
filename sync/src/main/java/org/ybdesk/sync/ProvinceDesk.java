package org.ybdesk.sync;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.protocol.org.DeskInfo;
import org.ybdesk.service.Desk;

/**
 * What the province knows of this desk ({@code GET /api/v1/desk}), asked when the engine starts and by
 * {@code ybdesk sync configure}: its agency with level, its window, and the case-number sequences it received from
 * this window per day, above which the desk's counters continue ({@code SetupService.continueNumbersAbove}).
 */
public final class ProvinceDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ProvinceDesk.class);

    private ProvinceDesk() {
    }

    /** Asks the province and raises the desk's case-number counters above what it received; returns the answer. */
    public static DeskInfo apply(Desk desk, ProvinceClient client) throws Unanswered, Refused {
        DeskInfo info = client.desk();
        if (info.windowNo() != client.config().windowNo()) {
            LOG.warn("the province knows this desk's token as window {}, the configuration says {}", info.windowNo(),
                    client.config().windowNo());
        }
        desk.setup().continueNumbersAbove(lastCaseSeq(info));
        return info;
    }

    /** The answer's per-day sequences by date (days that are not ISO dates are left out). */
    static Map<LocalDate, Integer> lastCaseSeq(DeskInfo info) {
        Map<LocalDate, Integer> out = new TreeMap<>();
        if (info.lastCaseSeq() != null) {
            info.lastCaseSeq().forEach((day, seq) -> {
                try {
                    if (seq != null) {
                        out.put(LocalDate.parse(day), seq);
                    }
                } catch (DateTimeParseException e) {
                    LOG.warn("province sent a case sequence for a day that is not a date: {}", day);
                }
            });
        }
        return out;
    }

    /** A desk of a county agency or above (县、市、省) pulls the county view. */
    public static boolean countyOrHigher(DeskInfo info) {
        return info != null && info.agency() != null && AgencyLevel.parse(info.agency().level())
                .map(l -> l.ordinal() <= AgencyLevel.COUNTY.ordinal()).orElse(false);
    }
}
