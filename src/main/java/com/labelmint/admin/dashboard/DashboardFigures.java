package com.labelmint.admin.dashboard;

import com.labelmint.consensus.api.ConsensusApi;
import com.labelmint.payments.api.PaymentsApi;
import com.labelmint.platform.events.EventDeliveries;
import com.labelmint.platform.money.Money;
import com.labelmint.tasks.api.TasksApi;
import com.labelmint.tasks.api.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Gathers the dashboard's figures from the modules' apis and the event bus. */
@ApplicationScoped
public class DashboardFigures {

    static final int CHART_HOURS = 24;
    /** Events older than this and still undelivered make the backlog tile a warning. */
    private static final Duration LATE = Duration.ofMinutes(5);

    private final TasksApi tasks;
    private final ConsensusApi consensus;
    private final PaymentsApi payments;
    private final EventDeliveries deliveries;
    private final Clock clock;

    DashboardFigures(TasksApi tasks, ConsensusApi consensus, PaymentsApi payments, EventDeliveries deliveries, Clock clock) {
        this.tasks = tasks;
        this.consensus = consensus;
        this.payments = payments;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Dashboard now() {
        List<Dashboard.Tile> tiles = new ArrayList<>();
        Workload workload = tasks.workload();
        tiles.add(new Dashboard.Tile("labelers active now", Long.toString(workload.activeLabelers()), false));
        tiles.add(new Dashboard.Tile("answers in the last minute", Long.toString(workload.answersLastMinute()), false));
        tiles.add(new Dashboard.Tile("items waiting for answers", Long.toString(workload.itemsWaiting()), false));
        ConsensusApi.Backlog backlog = consensus.backlog();
        tiles.add(new Dashboard.Tile("items waiting for review", Long.toString(backlog.itemsInReview()), false, "/admin/reviews"));
        tiles.add(new Dashboard.Tile("disputes open", Long.toString(backlog.openDisputes()), false, "/admin/disputes"));
        long withdrawals = payments.withdrawalsAwaitingApproval();
        tiles.add(new Dashboard.Tile("withdrawals waiting for approval", Long.toString(withdrawals), withdrawals > 0,
                "/admin/money/withdrawals"));
        List<Money> escrow = payments.inEscrow();
        tiles.add(new Dashboard.Tile("in escrow", escrow.isEmpty() ? "0" : String.join(" + ",
                escrow.stream().map(money -> money.amount() + " " + money.currency()).toList()), false));
        EventDeliveries.Backlog events = deliveries.backlog();
        boolean late = events.oldestWaitingSince().map(since -> since.plus(LATE).isBefore(clock.instant())).orElse(false);
        tiles.add(new Dashboard.Tile("events waiting for delivery", Long.toString(events.pending() + events.sent()), late));
        long failures = events.failed() + events.dead();
        tiles.add(new Dashboard.Tile("event deliveries failed", Long.toString(failures), failures > 0));
        return new Dashboard(tiles, List.of(Sparkline.of("Answers per hour", tasks.answersPerHour(CHART_HOURS))));
    }
}
