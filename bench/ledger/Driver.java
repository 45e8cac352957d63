import com.labelmint.payments.ledger.AccountKind;
import com.labelmint.payments.ledger.Ledger;
import com.labelmint.payments.ledger.LedgerAccounts;
import com.labelmint.payments.ledger.LedgerRefusal;
import com.labelmint.payments.ledger.TransferOutcome;
import com.labelmint.payments.ledger.TransferReason;
import com.labelmint.payments.ledger.TransferRequest;
import com.labelmint.platform.money.Currency;
import com.labelmint.platform.money.Money;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The ledger side of bench/ledger/run.sh: the real {@link Ledger} and {@link LedgerAccounts} classes of
 * target/classes, in-process, over plain JDBC (the PostgreSQL driver of the app's own libraries), no Quarkus.
 *
 * <pre>
 * setup JDBC_URL ACCOUNTS_FILE FUNDING
 *     opens the hot wallet through LedgerAccounts and funds every account of ACCOUNTS_FILE ("n TAB account id" lines,
 *     n = 0 the project escrow, 1..n the users; opened by run.sh) with FUNDING base units from it, each a posted
 *     transfer through Ledger in its own transaction
 * run JDBC_URL ACCOUNTS_FILE CLIENTS CONNECTIONS WARMUP SECONDS random|hot MAX_AMOUNT MARK
 *     CLIENTS threads in a closed loop, no think time, each making posted transfers of 1..MAX_AMOUNT units:
 *     random = between two distinct random users; hot = from the escrow to a random user (a project paying its
 *     labelers: every transfer locks the escrow's row). A transfer is: take a connection from a pool of
 *     CONNECTIONS, Ledger.transfer, COMMIT (ROLLBACK on a refusal or error), give the connection back; its latency
 *     covers all of that. Creates MARK.start and MARK.end when the measured window opens and closes; prints a
 *     JSON summary, with the transfers committed in the whole run (warm-up and the end's in-flight ones included),
 *     by which the script divides the server's counters read before and after the run
 * </pre>
 *
 * Ledger's and LedgerAccounts' constructors are package-private (CDI makes them); they are called here through
 * reflection with the system clock, which is what the app's ClockProducer gives them.
 */
public final class Driver {

    private static final long MAX_LATENCY_US = 120_000_000;
    private static final Currency USDT = Currency.USDT;

    private final Ledger ledger;
    private final LedgerAccounts accounts;
    private final String url;

    private Driver(String url) throws Exception {
        this.url = url;
        this.ledger = make(Ledger.class);
        this.accounts = make(LedgerAccounts.class);
    }

    public static void main(String[] args) throws Exception {
        Driver driver = new Driver(args[1]);
        switch (args[0]) {
            case "setup" -> driver.setup(Files.readAllLines(Path.of(args[2])), Long.parseLong(args[3]));
            case "run" -> System.out.println(driver.run(Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]), "hot".equals(args[7]),
                    Long.parseLong(args[8]), args[9]));
            default -> throw new IllegalArgumentException("setup or run, not " + args[0]);
        }
    }

    private static <T> T make(Class<T> type) throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor(Clock.class);
        constructor.setAccessible(true);
        return constructor.newInstance(Clock.systemUTC());
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connection.setAutoCommit(false);
        return connection;
    }

    // ------------------------------------------------------------------ setup

    private void setup(List<String> accountLines, long funding) throws Exception {
        UUID run = UUID.randomUUID();
        try (Connection connection = connect()) {
            UUID wallet = accounts.platform(connection, AccountKind.TON_HOT_WALLET, USDT).id();
            connection.commit();
            for (String line : accountLines) {
                fund(connection, wallet, UUID.fromString(line.split("\t")[1]), funding, run);
            }
        }
    }

    private void fund(Connection connection, UUID wallet, UUID account, long funding, UUID run) throws SQLException {
        ledger.transfer(connection, TransferRequest.posted(UUID.randomUUID(), wallet, account, Money.ofUnits(funding, USDT),
                TransferReason.of("bench-funding", run)));
        connection.commit();
    }

    // ------------------------------------------------------------------ the loop

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    private String run(List<String> accountLines, int clients, int connections, int warmupSeconds, int seconds, boolean hot,
                       long maxAmount, String mark) throws Exception {
        UUID escrow = null;
        List<UUID> users = new ArrayList<>();
        for (String line : accountLines) {
            String[] fields = line.split("\t");
            if (fields[0].equals("0")) {
                escrow = UUID.fromString(fields[1]);
            } else {
                users.add(UUID.fromString(fields[1]));
            }
        }
        UUID[] user = users.toArray(UUID[]::new);
        UUID hotAccount = hot ? escrow : null;
        UUID reason = UUID.randomUUID();

        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            pool.add(connect());
        }
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        AtomicLongArray perSecond = new AtomicLongArray(seconds);
        List<Histogram> histograms = new ArrayList<>();
        LongAdder transfers = new LongAdder();
        LongAdder committed = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Histogram latency = histogram();
            histograms.add(latency);
            Thread thread = new Thread(() -> client(pool, user, hotAccount, maxAmount, reason, latency, transfers, committed,
                    perSecond, measureFrom, measureTo), "client-" + i);
            threads.add(thread);
            thread.start();
        }
        sleepUntil(measureFrom);
        long cpuFrom = processCpuNanos();
        Files.createFile(Path.of(mark + ".start"));
        sleepUntil(measureTo);
        long cpuNanos = processCpuNanos() - cpuFrom;
        Files.createFile(Path.of(mark + ".end"));
        for (Thread thread : threads) {
            thread.join();
        }
        for (Connection connection : pool) {
            connection.close();
        }

        Histogram total = histogram();
        histograms.forEach(total::add);
        StringBuilder json = new StringBuilder("{");
        json.append("\"clients\":").append(clients).append(",\"connections\":").append(connections)
                .append(",\"seconds\":").append(seconds).append(",\"variant\":\"").append(hot ? "hot" : "random").append('"')
                .append(",\"transfers\":").append(transfers.sum())
                .append(",\"transfersPerSecond\":").append(transfers.sum() / (double) seconds)
                .append(",\"driverCpuSeconds\":").append(cpuNanos / 1e9)
                .append(",\"committedTotal\":").append(committed.sum());
        latency(json, "latency", total);
        json.append(",\"errors\":{");
        Map<String, LongAdder> sorted = new TreeMap<>(errors);
        json.append(String.join(",", sorted.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue().sum()).toList()));
        json.append("},\"perSecond\":[");
        for (int i = 0; i < seconds; i++) {
            json.append(i == 0 ? "" : ",").append(perSecond.get(i));
        }
        return json.append("]}").toString();
    }

    /**
     * One client: a closed loop. A transfer is counted when it commits inside the measured window, and its latency
     * recorded when it also started inside it. Refusals and errors are counted by kind, never as transfers.
     */
    private void client(BlockingQueue<Connection> pool, UUID[] users, UUID hotAccount, long maxAmount, UUID reason, Histogram latency,
                        LongAdder transfers, LongAdder committed, AtomicLongArray perSecond, long measureFrom, long measureTo) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < measureTo) {
            UUID debit;
            UUID credit = users[random.nextInt(users.length)];
            if (hotAccount != null) {
                debit = hotAccount;
            } else {
                do {
                    debit = users[random.nextInt(users.length)];
                } while (debit.equals(credit));
            }
            TransferRequest request = TransferRequest.posted(UUID.randomUUID(), debit, credit,
                    Money.ofUnits(1 + random.nextLong(maxAmount), USDT), TransferReason.of("bench", reason));
            long begin = System.nanoTime();
            String failure = transfer(pool, request);
            long end = System.nanoTime();
            boolean measured = begin >= measureFrom && end <= measureTo;
            if (failure != null) {
                errors.computeIfAbsent(failure + (measured ? "" : " (unmeasured)"), k -> new LongAdder()).increment();
                continue;
            }
            committed.increment();
            if (end > measureFrom && end <= measureTo) {
                transfers.increment();
                perSecond.incrementAndGet((int) ((end - measureFrom) / 1_000_000_000L));
                if (measured) {
                    latency.recordValue(Math.min(MAX_LATENCY_US, (end - begin) / 1000));
                }
            }
        }
    }

    /** One transfer in its own transaction; null when it committed, else what went wrong. */
    private String transfer(BlockingQueue<Connection> pool, TransferRequest request) {
        Connection connection;
        try {
            connection = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            TransferOutcome outcome = ledger.transfer(connection, request);
            connection.commit();
            return outcome.repeated() ? "repeated" : null;
        } catch (LedgerRefusal refusal) {
            rollback(connection);
            return refusal.getClass().getSimpleName();
        } catch (SQLException e) {
            rollback(connection);
            return "SQLState " + e.getSQLState();
        } finally {
            pool.add(connection);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("ROLLBACK failed", e);
        }
    }

    // ------------------------------------------------------------------ small helpers

    private static Histogram histogram() {
        return new Histogram(MAX_LATENCY_US, 3);
    }

    private static void latency(StringBuilder json, String name, Histogram histogram) {
        json.append(",\"").append(name).append("\":{\"count\":").append(histogram.getTotalCount());
        for (double percentile : new double[] {50, 95, 99, 99.9}) {
            json.append(",\"p").append(percentile == 99.9 ? "999" : Integer.toString((int) percentile)).append("\":")
                    .append(histogram.getValueAtPercentile(percentile) / 1000.0);
        }
        json.append(",\"mean\":").append(histogram.getMean() / 1000.0).append(",\"max\":").append(histogram.getMaxValue() / 1000.0).append('}');
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }
}
