package com.labelmint.admin.dashboard;

import com.labelmint.admin.web.Chrome;
import com.labelmint.admin.web.Pages;
import com.labelmint.admin.web.Visitor;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin}: the marketplace at a glance. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class DashboardConsole {

    private final DashboardFigures figures;
    private final Visitor visitor;

    DashboardConsole(DashboardFigures figures, Visitor visitor) {
        this.figures = figures;
        this.visitor = visitor;
    }

    @GET
    public TemplateInstance dashboard() {
        return Pages.dashboard(Chrome.of(visitor), figures.now());
    }
}
