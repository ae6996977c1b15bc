package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.service.CaseViews.DeadlineView;

/** Issue 10: the window's deadline texts (lists, case badge, intake result) say 暂定 for a provisional due date. */
@org.junit.jupiter.api.Tag("calendar")
class DeadlineTextTest {
    @Test
    void provisionalDueDateSays暂定() {
        DeadlineView d = new DeadlineView(LocalDate.of(2027, 1, 5), DeadlineStatus.NORMAL, "正常", 20, false, null,
                true, "2027年节假日安排尚未公布，按法定节假日暂定");
        assertThat(CaseTable.deadlineText(d)).isEqualTo("剩余20个工作日（正常，2027-01-05 暂定）");
        DeadlineView plain = new DeadlineView(LocalDate.of(2026, 11, 30), DeadlineStatus.NEAR, "临近", 2, false, null);
        assertThat(CaseTable.deadlineText(plain)).isEqualTo("剩余2个工作日（临近，2026-11-30）");
    }
}
