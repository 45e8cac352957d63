import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The simulated labelers of bench/queue/run.sh, on platform threads (Java 17), through the public API.
 *
 * <pre>
 * setup BASE_URL COUNT PARALLEL OUT      register COUNT labelers and sign each in; OUT gets "id TAB token" lines
 * loop  BASE_URL TOKENS WARMUP SECONDS split|combined THINK_MS MARK
 *                                        one thread per labeler: next, then answer (split) or answer?next=true
 *                                        (combined, one round trip per answer), reading each task for THINK_MS
 *                                        (± 50 %) before answering it; creates MARK.start and MARK.end when the
 *                                        measured window opens and closes (the script samples CPU then); prints a
 *                                        JSON summary
 * </pre>
 */
public final class Driver {

    private static final String PASSWORD = "bench labeler password";
    private static final String[] CHOICES = {"positive", "negative", "neutral"};
    private static final long MAX_LATENCY_US = 120_000_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private Driver(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Driver driver = new Driver(args[1]);
        switch (args[0]) {
            case "setup" -> driver.setup(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "loop" -> System.out.println(driver.loop(Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), "combined".equals(args[5]), Integer.parseInt(args[6]), args[7]));
            default -> throw new IllegalArgumentException("setup or loop, not " + args[0]);
        }
    }

    // ------------------------------------------------------------------ setup

    /** Sign-ins cost a bcrypt each on the server: done once, a few at a time, before anything is measured. */
    private void setup(int count, int parallel, Path out) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<String>> labelers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "labeler-" + run + "-" + i + "@bench.example.org";
            labelers.add(pool.submit(() -> {
                String account = call("POST", "/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                        + "\",\"displayName\":\"Bench labeler\",\"role\":\"labeler\"}", 201);
                String tokens = call("POST", "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", 200);
                return field(account, "id") + "\t" + field(tokens, "accessToken");
            }));
        }
        List<String> lines = new ArrayList<>();
        for (Future<String> labeler : labelers) {
            lines.add(labeler.get());
        }
        pool.shutdown();
        Files.write(out, lines);
    }

    private String call(String method, String path, String token, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path, token, body).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    // ------------------------------------------------------------------ the loop

    private static final class Stats {
        final Histogram next = histogram();
        final Histogram answer = histogram();
        final Histogram cycle = histogram();
        long answers;
    }

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    private String loop(List<String> labelers, int warmupSeconds, int seconds, boolean combined, int thinkMs, String mark)
            throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        AtomicLongArray perSecond = new AtomicLongArray(seconds);
        List<Stats> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (String line : labelers) {
            String token = line.split("\t")[1];
            Stats stats = new Stats();
            all.add(stats);
            Thread thread = new Thread(() -> labeler(token, combined, thinkMs, stats, measureFrom, measureTo, perSecond),
                    "labeler-" + threads.size());
            threads.add(thread);
            thread.start();
        }
        sleepUntil(measureFrom);
        Files.createFile(Path.of(mark + ".start"));
        long cpuFrom = processCpuNanos();
        sleepUntil(measureTo);
        long cpuNanos = processCpuNanos() - cpuFrom;
        Files.createFile(Path.of(mark + ".end"));
        for (Thread thread : threads) {
            thread.join();
        }

        Stats total = new Stats();
        for (Stats stats : all) {
            total.next.add(stats.next);
            total.answer.add(stats.answer);
            total.cycle.add(stats.cycle);
            total.answers += stats.answers;
        }
        Histogram requests = total.answer.copy();
        requests.add(total.next);
        StringBuilder json = new StringBuilder("{");
        json.append("\"labelers\":").append(labelers.size()).append(",\"seconds\":").append(seconds)
                .append(",\"mode\":\"").append(combined ? "combined" : "split").append('"')
                .append(",\"answers\":").append(total.answers)
                .append(",\"answersPerSecond\":").append(total.answers / (double) seconds)
                .append(",\"requestsPerSecond\":").append(requests.getTotalCount() / (double) seconds)
                .append(",\"driverCpuSeconds\":").append(cpuNanos / 1e9);
        latency(json, "requests", requests);
        latency(json, "next", total.next);
        latency(json, "answer", total.answer);
        latency(json, "cycle", total.cycle);
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
     * One labeler: a closed loop. Requests are recorded when they start and end inside the measured window, answers
     * when they end inside it; the latency of one answer is the time spent in its requests, thinking apart. At the
     * end a lease still held is answered, unrecorded, so that the next phase starts with no task in flight.
     */
    private void labeler(String token, boolean combined, int thinkMs, Stats stats, long measureFrom, long measureTo,
                         AtomicLongArray perSecond) {
        String lease = null;
        String answerPath = combined ? "/answer?next=true" : "/answer";
        while (System.nanoTime() < measureTo) {
            long cycleStart = System.nanoTime();
            long nextNanos = 0;
            if (lease == null) {
                Reply next = post("/api/v1/tasks/next", token, "", stats.next, measureFrom, measureTo);
                if (next.status != 200) {
                    pauseAfterError();
                    continue;
                }
                lease = field(next.body, "leaseId");
                nextNanos = System.nanoTime() - cycleStart;
            }
            think(thinkMs);
            long answerStart = System.nanoTime();
            Reply answer = post("/api/v1/tasks/" + lease + answerPath, token, answerBody(), stats.answer, measureFrom, measureTo);
            long end = System.nanoTime();
            lease = null;
            if (answer.status != 200) {
                pauseAfterError();
                continue;
            }
            if (combined) {
                lease = answer.body.contains("\"next\":null") ? null : field(answer.body.substring(answer.body.indexOf("\"next\":")), "leaseId");
            }
            if (end > measureFrom && end <= measureTo) {
                stats.answers++;
                perSecond.incrementAndGet((int) ((end - measureFrom) / 1_000_000_000L));
                if (cycleStart >= measureFrom) {
                    stats.cycle.recordValue(Math.min(MAX_LATENCY_US, (nextNanos + end - answerStart) / 1000));
                }
            }
        }
        if (lease != null) {
            post("/api/v1/tasks/" + lease + "/answer", token, answerBody(), null, 0, 0);
        }
    }

    private record Reply(int status, String body) {
    }

    private Reply post(String path, String token, String body, Histogram latency, long measureFrom, long measureTo) {
        long start = System.nanoTime();
        int status;
        String text = "";
        try {
            HttpResponse<String> response = http.send(request(path, token, body).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            text = response.body();
        } catch (IOException e) {
            status = -1;
            text = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long end = System.nanoTime();
        boolean measured = latency != null && start >= measureFrom && end <= measureTo;
        if (measured) {
            latency.recordValue(Math.min(MAX_LATENCY_US, (end - start) / 1000));
        }
        if (status != 200) {
            String kind = path.endsWith("/next") ? "next" : "answer";
            errors.computeIfAbsent(kind + " " + (status == -1 ? text : Integer.toString(status)) + (measured ? "" : " (unmeasured)"),
                    k -> new LongAdder()).increment();
        }
        return new Reply(status, text);
    }

    private HttpRequest.Builder request(String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return body.isEmpty() ? builder : builder.header("Content-Type", "application/json");
    }

    private static String answerBody() {
        return "{\"answer\":{\"value\":\"" + CHOICES[ThreadLocalRandom.current().nextInt(CHOICES.length)] + "\"}}";
    }

    /** A failing app must not be hammered in a tight loop by 200 threads; the pause shows in the rate. */
    private static void pauseAfterError() {
        sleep(100);
    }

    /** Varied, so that labelers who started together do not stay in step. */
    private static void think(int thinkMs) {
        if (thinkMs > 0) {
            sleep(thinkMs / 2 + ThreadLocalRandom.current().nextInt(thinkMs + 1));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** The value of a string field in the app's compact JSON: enough for ids and tokens, which need no escaping. */
    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int from = json.indexOf(key);
        if (from < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        from += key.length();
        return json.substring(from, json.indexOf('"', from));
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
