package com.labelmint.projects.demo;

import com.labelmint.platform.demo.DemoContext;
import com.labelmint.platform.demo.DemoDataContributor;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import com.labelmint.projects.api.DataField;
import com.labelmint.projects.api.LabelSchema;
import com.labelmint.projects.api.LabelSpec;
import com.labelmint.projects.api.ProjectStatus;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.project.Caller;
import com.labelmint.projects.project.ProjectService;
import com.labelmint.projects.project.SettingsInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The demo client's project: sentiment of product reviews, active, so the demo labelers have work at once. */
@ApplicationScoped
public class DemoProject implements DemoDataContributor {

    private final ProjectService projects;

    DemoProject(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> seed(DemoContext context) {
        Caller client = new Caller(context.idOf(DemoContext.CLIENT), false);
        LabelSchema schema = new LabelSchema(List.of(new DataField("review", DataField.Type.TEXT, true)),
                new LabelSpec.SingleChoice(List.of(new LabelSpec.Option("positive", "Positive"),
                        new LabelSpec.Option("negative", "Negative"), new LabelSpec.Option("neutral", "Neutral"))));
        SettingsInput settings = new SettingsInput(3, 5, Money.parse("0.02", Currency.USDT), null, 0.1, null, null, null, null, null, null, null);
        ProjectView project = projects.create(client, new ProjectService.Draft("Demo: sentiment of product reviews",
                "Short reviews from an online shop.", schema,
                "Read the review and choose how the customer feels about the product. **Neutral** when it is mixed or factual.",
                settings));
        projects.moveTo(client, project.id(), ProjectStatus.ACTIVE);
        context.remember(DemoContext.PROJECT, project.id());
        return List.of("Demo project " + project.id() + " (active): sentiment of product reviews, owned by client@labelmint.local");
    }
}
