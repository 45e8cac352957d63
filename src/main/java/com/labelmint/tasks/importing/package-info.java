/**
 * Bulk import of items (JSON Lines or CSV) into a project, run as a job: see
 * {@code docs/decisions/bulk-import.md}. The request spools the body to a local file ({@link
 * com.labelmint.tasks.importing.Spooler}) and answers 202; {@link com.labelmint.tasks.importing.ImportWorker}
 * validates every line and copies the valid items into {@code tasks.item} with PostgreSQL {@code COPY}, all of
 * them in one transaction together with the job's success.
 */
package com.labelmint.tasks.importing;
