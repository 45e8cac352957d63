package com.labelmint.tasks.importing;

/**
 * The job stopped being this run's while it ran: the sweeper failed it (the heartbeat stalled) and it may even
 * have been sent again. Its import rolls back; the job's row already tells the client what to do.
 */
final class ImportSuperseded extends RuntimeException {

    ImportSuperseded() {
        super("The job was failed or restarted while this run imported it", null, false, false);
    }
}
