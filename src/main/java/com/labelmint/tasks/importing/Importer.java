package com.labelmint.tasks.importing;

import java.util.UUID;

/** Who sends an import or asks about one: the project's managers and admins may. */
record Importer(UUID accountId, boolean admin) {
}
