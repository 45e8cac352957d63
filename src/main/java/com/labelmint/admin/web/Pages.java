package com.labelmint.admin.web;

import com.labelmint.admin.audit.AuditEntry;
import com.labelmint.admin.dashboard.Dashboard;
import com.labelmint.consensus.api.DisputeCase;
import com.labelmint.consensus.api.DisputeView;
import com.labelmint.consensus.api.ItemAnswer;
import com.labelmint.consensus.api.ItemInReview;
import com.labelmint.consensus.api.ProjectQuality;
import com.labelmint.consensus.api.ReviewCase;
import com.labelmint.payments.api.AccountMovement;
import com.labelmint.payments.api.AdminWithdrawalView;
import com.labelmint.payments.api.LedgerAccountView;
import com.labelmint.payments.api.ReconciliationReport;
import com.labelmint.payments.api.UnmatchedDeposit;
import com.labelmint.payments.api.WithdrawalCase;
import com.labelmint.platform.events.EventDeliveries;
import com.labelmint.platform.paging.Page;
import com.labelmint.projects.api.ProjectProgress;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.tasks.api.ItemData;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Reputation;
import com.labelmint.users.api.ReputationMove;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import java.util.UUID;

/**
 * The console's pages, type-checked at build time: every expression of templates/admin/*.html is checked against
 * these parameters, so a renamed field breaks the build, not a page in production.
 */
@CheckedTemplate(basePath = "admin")
// the user tags (templates/tags) are not type-checked: these are the types they read
@TemplateData(target = Filters.class)
@TemplateData(target = ItemAnswer.class)
@TemplateData(target = ItemData.class)
@TemplateData(target = ItemData.Image.class)
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance login(String email, String error);

    public static native TemplateInstance forbidden(Chrome chrome, String message);

    public static native TemplateInstance problem(Chrome chrome, String title, String detail);

    public static native TemplateInstance dashboard(Chrome chrome, Dashboard dashboard);

    public static native TemplateInstance users(Chrome chrome, Filters filters, Page<AccountView> page, String nextPage);

    public static native TemplateInstance user(Chrome chrome, AccountView account, Reputation reputation,
                                               Page<ReputationMove> history, String nextPage, List<RoleChoice> roles,
                                               String defaultBanEnd);

    public static native TemplateInstance confirm(Chrome chrome, Confirmation confirmation);

    public static native TemplateInstance audit(Chrome chrome, Filters filters, Page<AuditEntry> page, String nextPage);

    public static native TemplateInstance disputes(Chrome chrome, Page<DisputeView> page, String nextPage);

    public static native TemplateInstance dispute(Chrome chrome, DisputeCase dispute, ItemData itemData);

    public static native TemplateInstance reviews(Chrome chrome, Filters filters, Page<ItemInReview> page, String nextPage);

    public static native TemplateInstance review(Chrome chrome, ReviewCase review, ItemData itemData);

    public static native TemplateInstance events(Chrome chrome, Filters filters, Page<EventDeliveries.Delivery> page,
                                                 EventDeliveries.Backlog backlog, String nextPage);

    public static native TemplateInstance money(Chrome chrome, Filters filters, List<LedgerAccountView> accounts,
                                                List<ReconciliationReport> reconciliations);

    public static native TemplateInstance ledgerAccount(Chrome chrome, UUID accountId, Page<AccountMovement> page, String nextPage);

    public static native TemplateInstance withdrawals(Chrome chrome, Filters filters, Page<AdminWithdrawalView> page, String nextPage);

    public static native TemplateInstance withdrawal(Chrome chrome, WithdrawalCase withdrawal);

    public static native TemplateInstance deposits(Chrome chrome, Page<UnmatchedDeposit> page, String nextPage);

    public static native TemplateInstance projects(Chrome chrome, Filters filters, Page<ProjectView> page, String nextPage);

    public static native TemplateInstance project(Chrome chrome, ProjectView project, ProjectProgress progress,
                                                  ProjectQuality quality);
}
