package com.labelmint.tasks.importing;

import com.labelmint.platform.events.EventPublisher;
import com.labelmint.projects.api.ProjectView;
import com.labelmint.projects.api.ProjectsApi;
import com.labelmint.tasks.api.ItemsImported;
import com.labelmint.tasks.project.ManagedProjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.BitSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * The inside of an import's one transaction: every good item goes into {@code tasks.item} by COPY, the job is
 * marked succeeded and {@link ItemsImported} is published, all of it committing together or not at all.
 *
 * <p>Duplicate external ids are left to the unique index: the first COPY runs at full speed, and only when it
 * meets the index does the import roll back to a savepoint, ask the database which lines are duplicates
 * ({@link DuplicateExternalIds}), report them and copy again without them. Imports into one project take a
 * transaction-scoped advisory lock, so they run one after another and never race for the same ids.
 */
@ApplicationScoped
class ImportTransaction {

    /** The first key of the two-key advisory lock space; the second is the project's hash. */
    private static final int IMPORT_LOCK_SPACE = 0x1A7E;
    private static final String UNIQUE_EXTERNAL_ID = "item_external_id";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ProjectsApi projects;
    private final ImportJobs jobs;
    private final EventPublisher events;
    private final ImportJson json;
    private final ImportConfig config;
    private final Clock clock;

    ImportTransaction(DataSource dataSource, ProjectsApi projects, ImportJobs jobs, EventPublisher events, ImportJson json,
                      ImportConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.projects = projects;
        this.jobs = jobs;
        this.events = events;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** Runs in the job's transaction, which the caller opened; what it returns is already recorded on the job. */
    ImportOutcome run(ImportJob job, Spool spool, BooleanSupplier stopping, ItemPass.Progress progress)
            throws SQLException, IOException {
        ProjectView project = projects.find(job.projectId())
                .filter(candidate -> ManagedProjects.ACCEPTING_DATA.contains(candidate.status()))
                .orElseThrow(() -> new ImportRejected(ImportFailure.PROJECT_CLOSED,
                        "The project was closed or deleted before the import ran: items go into draft, active or paused projects",
                        ImportOutcome.nothing()));
        ItemPass pass = new ItemPass(spool, job.format(), project.schema(), json, (int) config.maxLineBytes().asLongValue(), stopping);
        LineErrors errors = new LineErrors(config.maxReportedErrors());
        try (Connection connection = dataSource.getConnection()) {
            lockProject(connection, project.id());
            execute(connection, "SAVEPOINT import_items");
            ItemPass.Counts counts;
            try {
                counts = copy(connection, pass, job, project, new BitSet(), errors, progress);
            } catch (SQLException e) {
                if (!isDuplicateExternalId(e)) {
                    throw e;
                }
                execute(connection, "ROLLBACK TO SAVEPOINT import_items");
                BitSet duplicates = DuplicateExternalIds.find(connection, pass, project.id(), errors);
                if (job.atomic()) {
                    throw atomicRejection(spool, errors);
                }
                counts = copy(connection, pass, job, project, duplicates, new LineErrors(0), ItemPass.Progress.NONE);
            }
            ImportOutcome outcome = new ImportOutcome(spool.lines(), counts.items(), counts.gold(), errors);
            if (!jobs.succeed(job.id(), job.attempt(), outcome)) {
                throw new ImportSuperseded();
            }
            if (counts.items() > 0) {
                events.publish(new ItemsImported(UUID.randomUUID(), clock.instant(), project.id(), job.id(),
                        counts.items() - counts.gold(), counts.gold()));
            }
            return outcome;
        } catch (HeaderRejected e) {
            throw new ImportRejected(ImportFailure.INVALID_CSV_HEADER, e.getMessage(), ImportOutcome.nothing());
        }
    }

    /**
     * One COPY of every good line not in {@code skip}. An atomic import stops sending rows at its first bad line
     * but reads on, so that its report lists every bad line. The COPY is always ended before this returns or
     * throws: a connection left in the middle of one could not even roll back.
     */
    private ItemPass.Counts copy(Connection connection, ItemPass pass, ImportJob job, ProjectView project, BitSet skip,
                                 LineErrors errors, ItemPass.Progress progress) throws SQLException, IOException, HeaderRejected {
        ItemCopy items = ItemCopy.open(connection, project.id(), job.id(), project.settings().overlap(), json.writer());
        ItemPass.Counts counts;
        try {
            counts = pass.run(skip, errors, progress, (line, item) -> {
                if (job.atomic() && errors.count() > 0) {
                    items.abandon();
                } else {
                    items.accept(line, item);
                }
            });
        } catch (IOException | SQLException | HeaderRejected | RuntimeException e) {
            items.abandon();
            throw e;
        }
        if (job.atomic() && errors.count() > 0) {
            items.abandon();
            throw atomicRejection(pass.spool(), errors);
        }
        items.finish();
        return counts;
    }

    private static ImportRejected atomicRejection(Spool spool, LineErrors errors) {
        return new ImportRejected(ImportFailure.ATOMIC_REJECTED, errors.count() + " line(s) could not be imported and the import "
                + "is atomic: nothing was imported. The errors say which lines and why.",
                new ImportOutcome(spool.lines(), 0, 0, errors));
    }

    private static boolean isDuplicateExternalId(SQLException e) {
        return e instanceof PSQLException failure && UNIQUE_VIOLATION.equals(failure.getSQLState())
                && failure.getServerErrorMessage() != null
                && UNIQUE_EXTERNAL_ID.equals(failure.getServerErrorMessage().getConstraint());
    }

    private static void lockProject(Connection connection, UUID projectId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, IMPORT_LOCK_SPACE);
            lock.setString(2, projectId.toString());
            lock.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
