package com.labelmint.payments;

import com.labelmint.payments.api.DepositCredited;
import com.labelmint.payments.api.EscrowReturned;
import com.labelmint.payments.api.ProjectFunded;
import com.labelmint.payments.api.RewardClawedBack;
import com.labelmint.payments.api.RewardPaid;
import com.labelmint.payments.api.WithdrawalCompleted;
import com.labelmint.payments.api.WithdrawalFailed;
import com.labelmint.payments.api.WithdrawalRequested;
import com.labelmint.platform.events.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PaymentsEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(EventCatalog.event("payments.ProjectFunded", 1, ProjectFunded.class),
                EventCatalog.event("payments.RewardPaid", 1, RewardPaid.class),
                EventCatalog.event("payments.RewardClawedBack", 1, RewardClawedBack.class),
                EventCatalog.event("payments.EscrowReturned", 1, EscrowReturned.class),
                EventCatalog.event("payments.DepositCredited", 1, DepositCredited.class),
                EventCatalog.event("payments.WithdrawalRequested", 1, WithdrawalRequested.class),
                EventCatalog.event("payments.WithdrawalCompleted", 1, WithdrawalCompleted.class),
                EventCatalog.event("payments.WithdrawalFailed", 1, WithdrawalFailed.class));
    }
}
