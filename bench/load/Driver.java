import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The load generator of bench/load/run.sh: a marketplace day of labelers, some through REST and some through the
 * Telegram bot, at fixed arrival rates (open loop), with Telegram's Bot API stood in for on loopback.
 *
 * <pre>
 * java Driver BASE_URL OUT_DIR ITEMS_JSONL     (knobs from the environment, see bench/load/README.md)
 * </pre>
 *
 * <p>Set-up through the public API: a client, a project (the import benchmark's schema), the items imported from
 * ITEMS_JSONL, REST labelers registered and signed in, Telegram users signed up with {@code /start} through the
 * webhook. Then, for each rate of RATES (requests per minute): STEP_WARMUP seconds unmeasured, STEP_SECONDS measured
 * (the files OUT_DIR/step-N.start and .end mark the window for the script's CPU samples), a wait for the window's
 * requests to finish, and one JSON line in OUT_DIR/steps.jsonl. It stops after the first step that is not sustained.
 *
 * <p>Open loop: the n-th request of a step is due at start + n / rate, whatever happened to the earlier ones, and its
 * latency runs from that due time, not from when it was sent, so a stalled app cannot hide its stall by slowing the
 * generator (coordinated omission). A request is issued by a free actor: a REST labeler with no request in flight,
 * or a Telegram chat whose last press or {@code /task} the bot has answered. When no REST labeler is free the request
 * waits in the driver, its clock running; when every chat waits for the bot, a chat presses its last button again
 * (see {@link #impatient}).
 */
public final class Driver {

    private static final String PASSWORD = "bench labeler password";
    private static final long MAX_LATENCY_US = 600_000_000;
    private static final Pattern CHAT_ID = Pattern.compile("\"chat_id\":(-?\\d+)");
    private static final Pattern OPTION_BUTTON = Pattern.compile("\"callback_data\":\"(t:[A-Za-z0-9_-]+:o\\d+)\"");
    /** The bot's English texts that answer a press or /task without a task (telegram/bot_en.properties). */
    private static final Pattern NO_TASK = Pattern.compile("\"(?:text|caption)\":\"(?:No tasks for you|Thank you! No more tasks|"
            + "This task has expired|You cannot get tasks now|This task needs the Mini App)");
    private static final String[] COMMANDS = {"/stats", "/balance", "hello"};

    // knobs
    private final String base;
    private final Path out;
    private final int restLabelers = intEnv("REST_LABELERS", 100);
    private final int telegramChats = intEnv("TELEGRAM_CHATS", 500);
    private final double restShare = Double.parseDouble(env("REST_SHARE", "0.5"));
    private final double commandShare = Double.parseDouble(env("TELEGRAM_COMMAND_SHARE", "0.1"));
    private final int stepSeconds = intEnv("STEP_SECONDS", 60);
    private final int stepWarmup = intEnv("STEP_WARMUP", 10);
    private final double limitMs = Double.parseDouble(env("P99_LIMIT_MS", "200"));
    private final int setupParallel = intEnv("SETUP_PARALLEL", 4);
    private final int botPort = intEnv("BOT_PORT", 18091);
    private final String secret = env("WEBHOOK_SECRET", "bench-load-webhook-secret");
    private final Duration botReplyTimeout = Duration.ofSeconds(intEnv("BOT_REPLY_TIMEOUT", 30));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
    private final AtomicLong updateIds = new AtomicLong(1);
    private final Map<Long, Chat> chats = new ConcurrentHashMap<>();
    private final List<Chat> chatList = new ArrayList<>();

    private Driver(String base, Path out) {
        this.base = base;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Driver driver = new Driver(args[0], Path.of(args[1]));
        HttpServer bot = driver.startBotStandIn();
        try {
            driver.setUp(Path.of(args[2]));
            driver.steps();
        } finally {
            bot.stop(0);
            System.exit(0); // the HTTP client's threads would keep the JVM alive
        }
    }

    // ================================================================== Telegram's Bot API, stood in for

    /**
     * Every Bot API method succeeds at once, as Telegram's does, with a message object. A call to a chat is read as
     * the user would read it: a task card (buttons with {@code t:} option data) or word that there is no task answers
     * the chat's last press or /task; anything else (welcome, notifications, replies to commands) is ignored.
     */
    private HttpServer startBotStandIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", botPort), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher chatId = CHAT_ID.matcher(body);
            long chat = chatId.find() ? Long.parseLong(chatId.group(1)) : 1;
            if (chat != 1) {
                botCalled(chat, exchange.getRequestURI().getPath(), body);
            }
            byte[] reply = ("{\"ok\":true,\"result\":{\"message_id\":777,\"date\":" + System.currentTimeMillis() / 1000
                    + ",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}}}").getBytes(StandardCharsets.UTF_8);
            respond(exchange, reply);
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, byte[] reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(reply);
        }
    }

    private void botCalled(long chatId, String path, String body) {
        Chat chat = chats.get(chatId);
        if (chat == null) {
            return;
        }
        String method = path.substring(path.lastIndexOf('/') + 1);
        chat.welcomed = true;
        if (!method.startsWith("send") && !method.startsWith("edit")) {
            return;
        }
        List<String> options = new ArrayList<>();
        Matcher button = OPTION_BUTTON.matcher(body);
        while (button.find()) {
            options.add(button.group(1));
        }
        if (!options.isEmpty()) {
            botAnswered(chat, options);
        } else if (NO_TASK.matcher(body).find() || method.equals("editMessageReplyMarkup")) {
            botAnswered(chat, List.of());
        }
    }

    // ================================================================== set-up

    private String clientToken;

    private void setUp(Path items) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        log("set-up: client, project, import of " + items);
        String email = "client-" + run + "@bench.example.org";
        call("POST", "/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Bench client\",\"role\":\"client\"}", 201);
        clientToken = field(call("POST", "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", 200), "accessToken");
        // the import benchmark's items (bench/import/GenerateItems.java): text, stars, a photo on half, 1 % gold.
        // The simulated labelers answer at random: anti-fraud flags them (failed gold streaks) and, by default, excludes
        // them, after which they would get no tasks; "warn" keeps the checks' cost and the labelers working.
        String project = field(call("POST", "/api/v1/projects", clientToken, "{\"name\":\"Load: product reviews\",\"settings\":{\"overlap\":3,\"fraudAction\":\"warn\"},"
                + "\"schema\":{\"dataFields\":[{\"name\":\"text\",\"type\":\"text\",\"required\":true},"
                + "{\"name\":\"stars\",\"type\":\"number\",\"required\":true},{\"name\":\"photo\",\"type\":\"image\",\"required\":false}],"
                + "\"label\":{\"type\":\"single_choice\",\"options\":[{\"value\":\"positive\"},{\"value\":\"negative\"}]}}}", 201), "id");
        call("PUT", "/api/v1/projects/" + project + "/status", clientToken, "{\"status\":\"active\"}", 200);
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/" + project + "/items:import"))
                .timeout(Duration.ofMinutes(15)).header("Authorization", "Bearer " + clientToken).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(items)).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() / 100 != 2) {
            throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
        }
        String job = field(imported.body(), "id");
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            String status = field(call("GET", "/api/v1/imports/" + job, clientToken, "", 200), "status");
            if (status.equals("succeeded")) {
                break;
            }
            if (status.equals("failed") || System.nanoTime() > deadline) {
                throw new IllegalStateException("import " + job + ": " + status);
            }
            Thread.sleep(500);
        }
        Files.writeString(out.resolve("project"), project);

        log("set-up: " + restLabelers + " REST labelers (a bcrypt each for sign-up and sign-in), " + setupParallel + " at a time");
        ExecutorService pool = Executors.newFixedThreadPool(setupParallel);
        List<Future<RestLabeler>> signUps = new ArrayList<>();
        for (int i = 0; i < restLabelers; i++) {
            String labeler = "labeler-" + run + "-" + i + "@bench.example.org";
            signUps.add(pool.submit(() -> {
                call("POST", "/api/v1/auth/register", null, "{\"email\":\"" + labeler + "\",\"password\":\"" + PASSWORD
                        + "\",\"displayName\":\"Bench labeler\",\"role\":\"labeler\"}", 201);
                return new RestLabeler(field(call("POST", "/api/v1/auth/login", null,
                        "{\"email\":\"" + labeler + "\",\"password\":\"" + PASSWORD + "\"}", 200), "accessToken"));
            }));
        }
        for (Future<RestLabeler> labeler : signUps) {
            freeRest.add(labeler.get());
        }
        pool.shutdown();

        log("set-up: " + telegramChats + " Telegram users sending /start to the webhook");
        long firstUser = 7_100_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 10_000L;
        for (int i = 0; i < telegramChats; i++) {
            Chat chat = new Chat(firstUser + i);
            chats.put(chat.id, chat);
            chatList.add(chat);
            call("POST", "/telegram/webhook", null, message(chat, "/start"), 200);
        }
        deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (Chat chat : chats.values()) {
            while (!chat.welcomed) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bot did not welcome chat " + chat.id + " within 5 minutes");
                }
                Thread.sleep(50);
            }
            freeChats.add(chat);
        }
        log("set-up done");
    }

    private String call(String method, String path, String token, String body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (path.startsWith("/telegram/")) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    // ================================================================== actors

    private static final class RestLabeler {
        final String token;
        String lease;

        RestLabeler(String token) {
            this.token = token;
        }
    }

    private static final class Chat {
        final long id;
        volatile boolean welcomed;
        List<String> options = List.of();   // the open card's option buttons; empty: send /task
        volatile String lastPressed;        // the callback data of the last press
        Request awaited;                    // the press or /task the bot has not answered yet
        long awaitedSince;

        Chat(long id) {
            this.id = id;
        }
    }

    private final Object lock = new Object();
    private final ArrayDeque<RestLabeler> freeRest = new ArrayDeque<>();
    private final ArrayDeque<Chat> freeChats = new ArrayDeque<>();
    private final ArrayDeque<Request> waitingRest = new ArrayDeque<>();

    /** One arrival: when it was due, and the step whose measured window holds it (null in warm-up). */
    private static final class Request {
        final long due;
        final Step step;
        boolean waited;

        Request(long due, Step step) {
            this.due = due;
            this.step = step;
        }
    }

    // ================================================================== the steps

    private static final class Step {
        final int perMinute;
        final int seconds;
        final boolean warmUp;
        final Map<String, Histogram> latency = new TreeMap<>();
        final Histogram all = histogram();
        final Histogram botReply = histogram();
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final AtomicInteger issued = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger waited = new AtomicInteger();
        final AtomicInteger botTimeouts = new AtomicInteger();
        final AtomicInteger botPending = new AtomicInteger();
        final AtomicInteger impatient = new AtomicInteger();   // sent while every chat waited for the bot
        final AtomicInteger noTask = new AtomicInteger();      // 204 to tasks/next, "next": null, or the bot's "no task"
        final AtomicInteger okInWindow = new AtomicInteger();  // of those, answered before the window closed
        volatile long measureTo = Long.MAX_VALUE;
        long maxWaitingInDriver;
        long sentLateMaxNanos;

        Step(int perMinute, int seconds, boolean warmUp) {
            this.perMinute = perMinute;
            this.seconds = seconds;
            this.warmUp = warmUp;
        }

        synchronized void record(String kind, long micros) {
            latency.computeIfAbsent(kind, k -> histogram()).recordValue(Math.min(MAX_LATENCY_US, micros));
            all.recordValue(Math.min(MAX_LATENCY_US, micros));
        }

        synchronized void recordBotReply(long micros) {
            botReply.recordValue(Math.min(MAX_LATENCY_US, micros));
        }
    }

    private void steps() throws Exception {
        String[] rates = env("RATES", "10000 20000 40000 60000 80000 100000 120000").trim().split("\\s+");
        Path results = out.resolve("steps.jsonl");
        Files.deleteIfExists(results);
        Thread watchdog = new Thread(this::botReplyWatchdog, "bot-reply-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        for (int n = 0; n < rates.length; n++) {
            int perMinute = Integer.parseInt(rates[n]);
            boolean warmUp = n == 0 && env("UNMEASURED_FIRST_STEP", "0").equals("1");
            Step step = new Step(perMinute, warmUp ? intEnv("FIRST_STEP_SECONDS", 60) : stepSeconds, warmUp);
            log("step " + (n + 1) + ": " + perMinute + " requests/minute, " + stepWarmup + " s warm-up, " + step.seconds + " s measured"
                    + (warmUp ? " (the JIT's warm-up: not reported, never stops the run)" : ""));
            long cpuFrom = run(step, n + 1);
            long cpuNanos = processCpuNanos() - cpuFrom;
            awaitFinished(step);
            String line = summary(step, cpuNanos);
            Files.writeString(results, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            String verdict = verdict(step);
            log("  -> " + String.format("%.0f/min achieved, p50/p95/p99 %.1f / %.1f / %.1f ms, errors %s, bot reply p99 %.0f ms: %s",
                    step.okInWindow.get() * 60.0 / step.seconds, ms(step.all, 50), ms(step.all, 95), ms(step.all, 99), step.errors,
                    ms(step.botReply, 99), verdict.isEmpty() ? "sustained" : verdict));
            if (!verdict.isEmpty() && !step.warmUp) {
                break;
            }
        }
    }

    /** Issues the step's arrivals on time; returns the driver's CPU time when the measured window opened. */
    private long run(Step step, int number) throws IOException {
        long interval = 60_000_000_000L / step.perMinute;
        long start = System.nanoTime();
        long measureFrom = start + stepWarmup * 1_000_000_000L;
        long measureTo = measureFrom + step.seconds * 1_000_000_000L;
        step.measureTo = measureTo;
        long cpuFrom = 0;
        boolean marked = false;
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due >= measureTo) {
                break;
            }
            if (!marked && due >= measureFrom) {
                Files.createFile(out.resolve("step-" + number + ".start"));
                cpuFrom = processCpuNanos();
                marked = true;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = due >= measureFrom;
            if (measured) {
                step.sentLateMaxNanos = Math.max(step.sentLateMaxNanos, -wait);
            }
            arrive(new Request(due, measured ? step : null));
        }
        while (System.nanoTime() < measureTo) {
            LockSupport.parkNanos(measureTo - System.nanoTime());
        }
        Files.createFile(out.resolve("step-" + number + ".end"));
        return cpuFrom;
    }

    /**
     * The window's requests end within a minute, or count as unfinished; the bot's answers to its presses come within
     * BOT_REPLY_TIMEOUT, or count as its silences (the watchdog's). Nothing new is sent meanwhile.
     */
    private void awaitFinished(Step step) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (step.done.get() < step.issued.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long botDeadline = System.nanoTime() + botReplyTimeout.toNanos() + 2_000_000_000L;
        while (step.botPending.get() > 0 && System.nanoTime() < botDeadline) {
            Thread.sleep(20);
        }
        int unfinished = step.issued.get() - step.done.get();
        if (unfinished > 0) {
            step.errors.computeIfAbsent("unfinished after 60 s", k -> new AtomicInteger()).addAndGet(unfinished);
        }
        synchronized (lock) {
            step.maxWaitingInDriver = Math.max(step.maxWaitingInDriver, waitingRest.size());
        }
    }

    private void arrive(Request request) {
        if (request.step != null) {
            request.step.issued.incrementAndGet();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < restShare) {
            RestLabeler labeler;
            synchronized (lock) {
                labeler = freeRest.poll();
                if (labeler == null) {
                    queue(waitingRest, request);
                    return;
                }
            }
            rest(labeler, request);
        } else if (random.nextDouble() < commandShare) {
            // a command or a stray text from anyone, whatever their card shows: it changes no labeling state
            Chat chat = chatList.get(random.nextInt(chatList.size()));
            webhook("telegram command", message(chat, COMMANDS[random.nextInt(COMMANDS.length)]), request, null);
        } else {
            Chat chat;
            synchronized (lock) {
                chat = freeChats.poll();
            }
            if (chat == null) {
                impatient(chatList.get(random.nextInt(chatList.size())), request);
                return;
            }
            chatLabeling(chat, request);
        }
    }

    private void queue(ArrayDeque<Request> waiting, Request request) {
        request.waited = true;
        if (request.step != null) {
            request.step.waited.incrementAndGet();
        }
        waiting.add(request);
        if (request.step != null) {
            request.step.maxWaitingInDriver = Math.max(request.step.maxWaitingInDriver, waitingRest.size());
        }
    }

    // ------------------------------------------------------------------ REST

    private void rest(RestLabeler labeler, Request request) {
        boolean answering = labeler.lease != null;
        String path = answering ? "/api/v1/tasks/" + labeler.lease + "/answer?next=true" : "/api/v1/tasks/next";
        String body = answering ? "{\"answer\":{\"value\":\"" + (ThreadLocalRandom.current().nextBoolean() ? "positive" : "negative") + "\"}}" : "";
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + labeler.token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (answering) {
            builder.header("Content-Type", "application/json");
        }
        String kind = answering ? "REST answer?next=true" : "REST tasks/next";
        send(builder.build(), request, kind).whenComplete((response, failure) -> {
            if (response != null && response.statusCode() == 200) {
                String text = response.body();
                int next = text.indexOf("\"next\":");
                String rest = answering ? (next < 0 ? "null" : text.substring(next)) : text;
                labeler.lease = rest.startsWith("\"next\":null") || !rest.contains("\"leaseId\":\"") ? null : field(rest, "leaseId");
            } else if (response == null || response.statusCode() != 204) {
                labeler.lease = null; // an error: start over with tasks/next
            }
            if (request.step != null && response != null && (response.statusCode() == 204 || answering && labeler.lease == null)) {
                request.step.noTask.incrementAndGet();
            }
            RestLabeler free = labeler;
            Request waiting;
            synchronized (lock) {
                waiting = waitingRest.poll();
                if (waiting == null) {
                    freeRest.add(free);
                }
            }
            if (waiting != null) {
                rest(free, waiting);
            }
        });
    }

    // ------------------------------------------------------------------ Telegram

    /** A press of one of the open card's options, or /task when there is none; the chat then waits for the bot. */
    private void chatLabeling(Chat chat, Request request) {
        String update;
        String kind;
        synchronized (lock) {
            if (chat.options.isEmpty()) {
                update = message(chat, "/task");
                kind = "telegram /task";
            } else {
                String data = chat.options.get(ThreadLocalRandom.current().nextInt(chat.options.size()));
                update = press(chat, data);
                chat.lastPressed = data;
                kind = "telegram press";
            }
            chat.options = List.of();
            chat.awaited = request;
            chat.awaitedSince = System.nanoTime();
            if (request.step != null) {
                request.step.botPending.incrementAndGet();
            }
        }
        webhook(kind, update, request, chat);
    }

    /**
     * Every chat waits for the bot, which has fallen behind: a user presses the button they pressed last again, as
     * people do when the button keeps spinning (the card is answered already: the bot only acknowledges the press),
     * or, with no press behind them, asks /stats. The update is sent on time, so the webhook's latency stays its own
     * and does not take on the bot's backlog; the chat's state does not change.
     */
    private void impatient(Chat chat, Request request) {
        String data = chat.lastPressed;
        if (data != null) {
            webhook("telegram press again (bot behind)", press(chat, data), request, null);
        } else {
            webhook("telegram command", message(chat, "/stats"), request, null);
        }
        if (request.step != null) {
            request.step.impatient.incrementAndGet();
        }
    }

    private void webhook(String kind, String update, Request request, Chat chat) {
        HttpRequest http = HttpRequest.newBuilder(URI.create(base + "/telegram/webhook")).timeout(Duration.ofSeconds(30))
                .header("X-Telegram-Bot-Api-Secret-Token", secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        send(http, request, kind).whenComplete((response, failure) -> {
            if (chat != null && (response == null || response.statusCode() != 200)) {
                release(chat, List.of(), false); // nothing will come: the chat is free again
            }
        });
    }

    /** The bot answered the chat's press or /task (options empty: without a task); the chat takes the next arrival. */
    private void botAnswered(Chat chat, List<String> options) {
        release(chat, options, true);
    }

    /**
     * Ends the chat's wait for the bot: answered (its latency recorded) or not (the webhook refused the update, or the
     * bot stayed silent); a chat without options sends /task next.
     */
    private void release(Chat chat, List<String> options, boolean answered) {
        synchronized (lock) {
            Request awaited = chat.awaited;
            if (awaited == null) {
                return; // not an answer to anything of ours (a late one after a timeout)
            }
            chat.awaited = null;
            chat.options = options;
            if (awaited.step != null) {
                if (answered) {
                    awaited.step.recordBotReply((System.nanoTime() - awaited.due) / 1000);
                    if (options.isEmpty()) {
                        awaited.step.noTask.incrementAndGet();
                    }
                }
                awaited.step.botPending.decrementAndGet();
            }
            freeChats.add(chat);
        }
    }

    /** A chat the bot has not answered within BOT_REPLY_TIMEOUT is given up on (counted) and sends /task next. */
    private void botReplyWatchdog() {
        while (true) {
            LockSupport.parkNanos(500_000_000L);
            long now = System.nanoTime();
            List<Chat> late = new ArrayList<>();
            synchronized (lock) {
                for (Chat chat : chats.values()) {
                    if (chat.awaited != null && now - chat.awaitedSince > botReplyTimeout.toNanos()) {
                        late.add(chat);
                    }
                }
            }
            for (Chat chat : late) {
                synchronized (lock) {
                    if (chat.awaited != null && chat.awaited.step != null) {
                        chat.awaited.step.botTimeouts.incrementAndGet();
                    }
                }
                release(chat, List.of(), false);
            }
        }
    }

    private String message(Chat chat, String text) {
        long updateId = updateIds.getAndIncrement();
        String entities = text.startsWith("/") ? ",\"entities\":[{\"offset\":0,\"length\":" + text.split(" ")[0].length() + ",\"type\":\"bot_command\"}]" : "";
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"from\":" + from(chat) + ",\"chat\":{\"id\":" + chat.id
                + ",\"first_name\":\"Load " + chat.id + "\",\"type\":\"private\"},\"date\":" + System.currentTimeMillis() / 1000
                + ",\"text\":\"" + text + "\"" + entities + "}}";
    }

    private String press(Chat chat, String data) {
        long updateId = updateIds.getAndIncrement();
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"" + updateId + "\",\"from\":" + from(chat)
                + ",\"message\":{\"message_id\":777,\"date\":" + System.currentTimeMillis() / 1000 + ",\"chat\":{\"id\":" + chat.id
                + ",\"first_name\":\"Load " + chat.id + "\",\"type\":\"private\"},\"text\":\"a task\"},\"chat_instance\":\"-4432918832412\",\"data\":\""
                + data + "\"}}";
    }

    private static String from(Chat chat) {
        return "{\"id\":" + chat.id + ",\"is_bot\":false,\"first_name\":\"Load " + chat.id + "\",\"language_code\":\"en\"}";
    }

    // ------------------------------------------------------------------ sending and recording

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request, Request arrival, String kind) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            Step step = arrival.step;
            if (step == null) {
                return;
            }
            long now = System.nanoTime();
            long micros = (now - arrival.due) / 1000;
            int status = response == null ? -1 : response.statusCode();
            if (status == 200 || status == 204) {
                step.record(kind, micros);
                step.ok.incrementAndGet();
                if (now <= step.measureTo) {
                    step.okInWindow.incrementAndGet();
                }
            } else {
                String what = kind + " " + (response == null ? rootCause(failure) : status + " " + abbreviated(response.body()));
                step.errors.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
            }
            step.done.incrementAndGet();
        });
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private static String abbreviated(String body) {
        Matcher type = Pattern.compile("\"type\":\"([^\"]+)\"").matcher(body);
        return type.find() ? type.group(1) : body.length() > 60 ? body.substring(0, 60) : body;
    }

    /**
     * Why a step is not sustained, or "" when it is: p99 and p95 of the HTTP requests within the limit, no errors, the
     * offered rate met. How far the bot's answers lag behind is reported beside it, not judged here: see README.md.
     */
    private String verdict(Step step) {
        List<String> why = new ArrayList<>();
        if (ms(step.all, 99) > limitMs) {
            why.add("p99 over " + (int) limitMs + " ms");
        }
        if (ms(step.all, 95) >= limitMs) {
            why.add("p95 over " + (int) limitMs + " ms");
        }
        if (!step.errors.isEmpty()) {
            why.add("errors");
        }
        if (step.ok.get() < 0.99 * step.issued.get()) {
            why.add("under 99 % of the offered requests answered");
        }
        return String.join(", ", why);
    }

    private String summary(Step step, long cpuNanos) {
        StringBuilder json = new StringBuilder("{");
        json.append("\"perMinute\":").append(step.perMinute)
                .append(",\"seconds\":").append(step.seconds)
                .append(",\"offeredPerMinute\":").append(step.issued.get() * 60.0 / step.seconds)
                .append(",\"answeredPerMinute\":").append(step.ok.get() * 60.0 / step.seconds)
                .append(",\"achievedPerMinute\":").append(step.okInWindow.get() * 60.0 / step.seconds)
                .append(",\"waitedForFreeActor\":").append(step.waited.get())
                .append(",\"maxWaitingInDriver\":").append(step.maxWaitingInDriver)
                .append(",\"sentLateMaxMs\":").append(step.sentLateMaxNanos / 1e6)
                .append(",\"botReplyTimeouts\":").append(step.botTimeouts.get())
                .append(",\"noTask\":").append(step.noTask.get())
                .append(",\"impatient\":").append(step.impatient.get())
                .append(",\"driverCpuSeconds\":").append(cpuNanos / 1e9)
                .append(",\"verdict\":\"").append(verdict(step)).append('"');
        latency(json, "all", step.all);
        latency(json, "botReply", step.botReply);
        StringBuilder kinds = new StringBuilder();
        synchronized (step) {
            step.latency.forEach((kind, histogram) -> latency(kinds, kind, histogram));
        }
        json.append(",\"kinds\":{").append(kinds.length() == 0 ? "" : kinds.substring(1));
        json.append("},\"errors\":{");
        json.append(String.join(",", new TreeMap<>(step.errors).entrySet().stream()
                .map(e -> "\"" + e.getKey().replace("\"", "'") + "\":" + e.getValue().get()).toList()));
        return json.append("}}").toString();
    }

    private static void latency(StringBuilder json, String name, Histogram histogram) {
        json.append(",\"").append(name).append("\":{\"count\":").append(histogram.getTotalCount());
        for (double percentile : new double[] {50, 95, 99}) {
            json.append(",\"p").append((int) percentile).append("\":").append(ms(histogram, percentile));
        }
        json.append(",\"max\":").append(histogram.getMaxValue() / 1000.0).append('}');
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    // ================================================================== small helpers

    private static Histogram histogram() {
        return new Histogram(MAX_LATENCY_US, 3);
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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void log(String text) {
        System.err.printf("[%tT] %s%n", System.currentTimeMillis(), text);
    }
}
