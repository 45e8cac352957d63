package com.labelmint.tasks.export;

import com.labelmint.projects.api.ProjectView;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a project's export in one format, streaming its items from {@link ExportedItems}. */
interface ExportWriter {

    ExportFormat format();

    void write(ProjectView project, boolean withAnswers, OutputStream out) throws IOException;
}
