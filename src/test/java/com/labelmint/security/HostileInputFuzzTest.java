package com.labelmint.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A bounded fuzz of every endpoint in docs/authorization.md, as a caller the endpoint admits and on objects that
 * caller may touch (so that requests get past authorisation into parsing, validation and the domain): mutated and
 * random JSON bodies, bodies that are not JSON (deep nesting, huge strings and CSV lines, XML entities), odd content
 * types, hostile query strings and Idempotency-Key values. Every answer must be below 500 (a 503 for an absent
 * dependency aside) and every error must be a problem+json document.
 *
 * <p>Deterministic by default (seed {@value #DEFAULT_SEED}); {@code -Dlabelmint.fuzz.seed=} and
 * {@code -Dlabelmint.fuzz.requests-per-endpoint=} run other or longer fuzzes. A failure names the seed and the request.
 */
@QuarkusTest
class HostileInputFuzzTest {

    private static final Logger LOG = Logger.getLogger(HostileInputFuzzTest.class);
    private static final long DEFAULT_SEED = 20261126L;
    private static final Path MATRIX = Path.of("docs/authorization.md");
    /** They end the caller's session or change its password: the walk needs its callers signed in throughout. */
    private static final Set<String> LEFT_OUT = Set.of("POST /api/v1/auth/logout", "POST /api/v1/auth/logout-all",
            "POST /api/v1/auth/credentials");
    /** Called by Telegram with the secret header, not by a signed-in caller: the fuzz sends the secret. */
    private static final String TELEGRAM_WEBHOOK = "/telegram/webhook";
    private static final String WEBHOOK = "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"budget.low\"]}";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final RestAssuredConfig RAW_BODIES = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .encodeContentTypeAs("invalid", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("text/csv", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("application/x-ndjson", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("multipart/form-data; boundary=x", io.restassured.http.ContentType.TEXT));

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "labelmint.telegram.webhook-secret")
    String webhookSecret;

    @Test
    void noInputMakesAnEndpointFailOrAnswerWithoutAProblemDocument() throws Exception {
        long seed = Long.getLong("labelmint.fuzz.seed", DEFAULT_SEED);
        int requestsPerEndpoint = Integer.getInteger("labelmint.fuzz.requests-per-endpoint", 12);
        HostileInput input = new HostileInput(seed);
        Callers callers = new Callers(dataSource);
        Map<String, String> ids = ownObjects(callers);
        Map<String, String> seeds = seedBodies(ids);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        for (AuthorizationMatrix.Row row : AuthorizationMatrix.read(MATRIX).rows()) {
            if (LEFT_OUT.contains(row.endpoint()) || row.path().startsWith("/admin")) {
                continue; // the console answers with HTML pages; its own tests walk its bad input
            }
            boolean telegram = row.path().equals(TELEGRAM_WEBHOOK);
            String caller = telegram ? "anonymous" : admittedCaller(row);
            String path = withIds(row.path(), ids);
            boolean withBody = !row.method().equals("GET") && !row.method().equals("DELETE");
            for (int i = 0; i < requestsPerEndpoint; i++) {
                String query = input.queryString();
                String contentType = withBody ? input.contentType() : null;
                String body = withBody ? (contentType.contains("json") ? input.jsonBody(seeds.getOrDefault(row.endpoint(), "{}"))
                        : input.rawBody()) : null;
                String idempotencyKey = i % 3 == 0 ? input.headerValue() : null;
                Response response = call(row.method(), path + query, contentType, body, idempotencyKey, callers.token(caller),
                        telegram ? webhookSecret : null);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 401 && !caller.equals("anonymous") && !caller.equals("admin")) {
                    callers.forget(caller); // a fuzzed call may have ended the session (e.g. a ban); the next one signs in again
                }
                String problem = problemWith(response);
                if (problem != null) {
                    failures.add(row.method() + " " + path + query + " as " + caller + " [" + contentType + ", Idempotency-Key "
                            + excerpt(idempotencyKey) + "] body " + excerpt(body) + ": " + problem);
                }
            }
        }
        LOG.infof("Fuzzed with seed %d; answers by status: %s", seed, statuses);
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    /** Null when the answer is acceptable; otherwise what is wrong with it. */
    private static String problemWith(Response response) {
        int status = response.statusCode();
        String contentType = String.valueOf(response.contentType());
        if (status >= 500 && status != 503) {
            return status + " " + excerpt(response.asString());
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            return status + " with " + contentType + ": " + excerpt(response.asString());
        }
        return null;
    }

    /**
     * The first caller the table admits, or whose role is admitted and only someone else's object refused (404): the
     * fuzz's objects are the client's and the labeler's own, so they get through; admins for admin endpoints.
     */
    private static String admittedCaller(AuthorizationMatrix.Row row) {
        for (String caller : List.of("client", "labeler", "reviewer", "admin", "anonymous")) {
            AuthorizationMatrix.Expectation expectation = row.byCaller().get(caller);
            if (expectation.allowed() || expectation.deniedStatus() == 404) {
                return caller;
            }
        }
        throw new IllegalStateException("Nobody may call " + row.endpoint());
    }

    private Map<String, String> ownObjects(Callers callers) throws Exception {
        Person owner = callers.person("client");
        UUID project = ProjectFixtures.active(owner, ProjectFixtures.sentimentSchema(), Map.of("goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        List<Long> items = QueueFixtures.items(dataSource, project, 3, 3);
        QueueFixtures.execute(dataSource, "INSERT INTO consensus.item (id, project_id, state, updated_at) VALUES (?, ?, 'review', now())",
                items.get(0), project);
        String lease = given().auth().oauth2(callers.token("labeler")).post("/api/v1/tasks/next")
                .then().statusCode(200).extract().jsonPath().getString("leaseId");
        UUID dispute = UUID.randomUUID();
        QueueFixtures.execute(dataSource, "INSERT INTO consensus.dispute (id, kind, project_id, item_id, opened_by, reason, opened_at, status) "
                + "VALUES (?, 'item-label', ?, ?, ?, 'the label is wrong', now(), 'open')", dispute, project, items.get(0), owner.id());
        Map<String, String> ids = new HashMap<>();
        ids.put("accountId", TestAccounts.signedIn("labeler").id().toString());
        ids.put("projectId", project.toString());
        ids.put("leaseId", lease);
        ids.put("jobId", ImportFixtures.importedJob(owner, project, "{\"data\": {\"text\": \"an item\"}}\n").toString());
        ids.put("batchId", UUID.randomUUID().toString());
        ids.put("itemId", Long.toString(items.get(0)));
        ids.put("disputeId", dispute.toString());
        ids.put("webhookId", given().auth().oauth2(owner.accessToken()).contentType(io.restassured.http.ContentType.JSON)
                .body(WEBHOOK).post("/api/v1/projects/" + project + "/webhooks").then().statusCode(201)
                .extract().jsonPath().getString("id"));
        // nothing to find behind these: the fuzz reaches their parsing and lookup, the matrix test their ownership
        ids.put("notificationId", UUID.randomUUID().toString());
        ids.put("deliveryId", UUID.randomUUID().toString());
        ids.put("withdrawalId", UUID.randomUUID().toString());
        return ids;
    }

    /** Bodies the endpoints accept, for the fuzzer to mutate one field at a time. */
    private static Map<String, String> seedBodies(Map<String, String> ids) {
        String email = "fuzz-" + UUID.randomUUID() + "@example.com";
        Map<String, String> bodies = new HashMap<>();
        bodies.put("POST /api/v1/auth/register", "{\"email\": \"" + email + "\", \"password\": \"" + TestAccounts.PASSWORD
                + "\", \"displayName\": \"Fuzz\", \"role\": \"labeler\"}");
        bodies.put("POST /api/v1/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}");
        bodies.put("POST /api/v1/auth/refresh", "{\"refreshToken\": \"" + UUID.randomUUID() + "\"}");
        bodies.put("POST /api/v1/auth/mfa/totp/confirm", "{\"code\": \"123456\"}");
        bodies.put("POST /api/v1/auth/telegram/webapp", "{\"initData\": \"query_id=AA&user=%7B%22id%22%3A1%7D&auth_date=1&hash=00\"}");
        bodies.put("POST /api/v1/auth/telegram/login-widget", "{\"id\": 1, \"first_name\": \"A\", \"auth_date\": 1, \"hash\": \"00\"}");
        bodies.put("PATCH /api/v1/users/me", "{\"displayName\": \"Fuzzed\", \"language\": \"en\", \"timezone\": \"Europe/Berlin\"}");
        bodies.put("PUT /api/v1/users/me/skills", "[{\"tag\": \"sentiment\", \"level\": 3}]");
        bodies.put("PUT /api/v1/users/{accountId}/roles", "{\"roles\": [\"labeler\"]}");
        bodies.put("POST /api/v1/users/{accountId}/ban", "{\"reason\": \"spam\", \"until\": \"2099-01-01T00:00:00Z\"}");
        bodies.put("POST /api/v1/projects", "{\"name\": \"Fuzz\", \"schema\": {\"dataFields\": [{\"name\": \"text\", \"type\": \"text\", "
                + "\"required\": true}], \"label\": {\"type\": \"single_choice\", \"options\": [{\"value\": \"a\", \"title\": \"A\"}]}}, "
                + "\"settings\": {\"overlap\": 3}}");
        bodies.put("PATCH /api/v1/projects/{projectId}", "{\"name\": \"Renamed\", \"settings\": {\"maxOverlap\": 5}}");
        bodies.put("PUT /api/v1/projects/{projectId}/status", "{\"status\": \"paused\"}");
        bodies.put("PUT /api/v1/projects/{projectId}/members",
                "{\"coOwners\": [], \"reviewers\": [], \"labelerAccess\": \"open\", \"allowedLabelers\": []}");
        bodies.put("POST /api/v1/projects/{projectId}/assets/uploads",
                "{\"files\": [{\"fileName\": \"cat.jpg\", \"contentType\": \"image/jpeg\", \"sizeBytes\": 1000}]}");
        bodies.put("POST /api/v1/projects/{projectId}/escrow/fundings", "{\"amount\": \"1.5\", \"currency\": \"USDT\"}");
        bodies.put("POST /api/v1/tasks/{leaseId}/answer", "{\"answer\": {\"value\": \"positive\"}, \"durationMs\": 3000}");
        bodies.put("POST /api/v1/reviews/{itemId}", "{\"label\": {\"value\": \"positive\"}, \"note\": \"checked\"}");
        bodies.put("POST /api/v1/disputes", "{\"itemId\": " + ids.get("itemId") + ", \"reason\": \"the label is wrong\"}");
        bodies.put("POST /api/v1/disputes/{disputeId}/resolution", "{\"outcome\": \"dismissed\", \"note\": \"fine as it is\"}");
        bodies.put("POST /api/v1/projects/{projectId}/webhooks", WEBHOOK);
        bodies.put("POST /api/v1/wallet/withdrawals",
                "{\"amount\": \"12.5\", \"address\": \"0QCJzWK1ZmBDk0Pj_jMZXlNLLvTcmNo1ZIUuqHgdkn2HUM6c\"}");
        bodies.put("POST /api/v1/admin/withdrawals/{withdrawalId}/rejection", "{\"reason\": \"the address looks mistyped\"}");
        bodies.put("POST " + TELEGRAM_WEBHOOK, "{\"update_id\": 912345678, \"message\": {\"message_id\": 1, \"date\": 1767225600, "
                + "\"chat\": {\"id\": 700000001, \"type\": \"private\"}, \"from\": {\"id\": 700000001, \"is_bot\": false, "
                + "\"first_name\": \"Fuzz\", \"language_code\": \"en\"}, \"text\": \"/start\"}}");
        bodies.put("PUT /api/v1/notifications/preferences",
                "{\"quietHours\": {\"start\": \"22:00\", \"end\": \"07:00\"}, \"kinds\": {\"task-available\": {\"email\": false}}}");
        return bodies;
    }

    private static Response call(String method, String pathAndQuery, String contentType, String body, String idempotencyKey,
                                 String token, String telegramSecret) {
        // paths and queries go as written: REST Assured would encode them again (and the colon of items:import)
        RequestSpecification request = given().config(RAW_BODIES).urlEncodingEnabled(false).redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        if (telegramSecret != null) {
            request = request.header("X-Telegram-Bot-Api-Secret-Token", telegramSecret);
        }
        if (body != null) {
            request = request.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.request(method, pathAndQuery);
    }

    private static String withIds(String template, Map<String, String> ids) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String id = ids.get(parameter.group(1));
            assertThat(id).as("the fuzz needs an id for {" + parameter.group(1) + "} in " + template).isNotNull();
            parameter.appendReplacement(path, id);
        }
        return parameter.appendTail(path).toString();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "none";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " chars)";
    }

    /** One signed-in person per kind of caller, signed in again when a fuzzed call ended their session. */
    private static final class Callers {

        private final DataSource dataSource;
        private final Map<String, Person> people = new HashMap<>();
        private Person admin;

        Callers(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        Person person(String kind) throws Exception {
            Person person = people.get(kind);
            if (person == null) {
                person = switch (kind) {
                    case "admin" -> admin();
                    case "reviewer" -> reviewer();
                    default -> TestAccounts.signedIn(kind);
                };
                people.put(kind, person);
            }
            return person;
        }

        String token(String kind) throws Exception {
            return kind.equals("anonymous") ? null : person(kind).accessToken();
        }

        /** The person stays (the walk's objects are theirs); only their token is renewed. */
        void forget(String kind) {
            people.computeIfPresent(kind, (name, person) ->
                    new Person(person.id(), person.email(), TestAccounts.login(person.email(), Map.of())));
        }

        private Person admin() throws Exception {
            if (admin == null) {
                admin = TestAccounts.admin(dataSource);
            }
            return admin;
        }

        private Person reviewer() throws Exception {
            Person person = TestAccounts.signedIn("labeler");
            given().auth().oauth2(admin().accessToken()).contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("roles", List.of("reviewer"))).put("/api/v1/users/" + person.id() + "/roles").then().statusCode(200);
            return new Person(person.id(), person.email(), TestAccounts.login(person.email(), Map.of()));
        }
    }
}
