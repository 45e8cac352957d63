package com.labelmint.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.ImportFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.TestAccounts;
import com.labelmint.testing.TestAccounts.Person;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Walks docs/authorization.md: every endpoint the code serves is in the table, and every endpoint called as
 * every kind of caller answers as the table says. Path ids always name someone else's object, so an
 * endpoint that checks the role but forgets the owner shows up here.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final Path MATRIX = Path.of("docs/authorization.md");
    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE");
    /** Calls that end the caller's session; they get a session of their own so the walk can go on. */
    private static final Set<String> SESSION_ENDING = Set.of("POST /api/v1/auth/logout", "POST /api/v1/auth/logout-all");
    /**
     * Valid bodies for endpoints that validate the body before they look at the object: without one, a stranger
     * would get 400 and the walk would never reach the ownership check it is there to test.
     */
    private static final Map<String, String> VALID_BODIES = Map.of(
            "PUT /api/v1/projects/{projectId}/status", "{\"status\": \"paused\"}",
            "POST /api/v1/projects/{projectId}/assets/uploads",
            "{\"files\": [{\"fileName\": \"cat.jpg\", \"contentType\": \"image/jpeg\", \"sizeBytes\": 1000}]}",
            "POST /api/v1/tasks/{leaseId}/answer", "{\"answer\": {\"value\": \"positive\"}}",
            "POST /api/v1/reviews/{itemId}", "{\"label\": {\"value\": \"positive\"}}",
            "POST /api/v1/projects/{projectId}/escrow/fundings", "{\"amount\": \"1\", \"currency\": \"USDT\"}",
            "POST /api/v1/projects/{projectId}/webhooks", "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"budget.low\"]}",
            "PUT /api/v1/projects/{projectId}/members",
            "{\"coOwners\": [], \"reviewers\": [], \"labelerAccess\": \"open\", \"allowedLabelers\": []}");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");

    @Inject
    DataSource dataSource;

    @Test
    void theTableListsExactlyTheEndpointsTheCodeServes() throws Exception {
        Set<String> documented = new TreeSet<>();
        AuthorizationMatrix.read(MATRIX).rows().forEach(row -> assertThat(documented.add(row.endpoint()))
                .as("listed twice: " + row.endpoint()).isTrue());
        assertThat(documented).isEqualTo(servedEndpoints());
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
        Map<String, Supplier<Person>> callers = callers();
        // an active project: a DELETE that gets through is refused (409) instead of taking the object from later rows
        Person projectOwner = TestAccounts.signedIn("client");
        UUID project = ProjectFixtures.active(projectOwner, ProjectFixtures.sentimentSchema(), Map.of("goldRate", 0));
        QueueFixtures.awaitQueueSees(dataSource, project, "active");
        long item = QueueFixtures.items(dataSource, project, 1, 3).get(0);
        QueueFixtures.execute(dataSource, "INSERT INTO consensus.item (id, project_id, state, updated_at) VALUES (?, ?, 'review', now())",
                item, project);
        String someoneElsesLease = given().auth().oauth2(TestAccounts.signedIn("labeler").accessToken()).post("/api/v1/tasks/next")
                .then().statusCode(200).extract().jsonPath().getString("leaseId");
        UUID webhook = someoneElsesWebhook(projectOwner, project);
        Map<String, String> someoneElses = Map.ofEntries(Map.entry("notificationId", someoneElsesNotification().toString()),
                Map.entry("webhookId", webhook.toString()), Map.entry("deliveryId", someoneElsesWebhookDelivery(webhook).toString()),
                Map.entry("accountId", TestAccounts.signedIn("labeler").id().toString()),
                Map.entry("projectId", project.toString()),
                Map.entry("leaseId", someoneElsesLease),
                Map.entry("jobId", ImportFixtures.importedJob(projectOwner, project, "{\"data\": {\"text\": \"an item\"}}\n").toString()),
                Map.entry("batchId", UUID.randomUUID().toString()),
                Map.entry("itemId", Long.toString(item)),
                Map.entry("disputeId", someoneElsesDispute(project, item).toString()),
                Map.entry("eventId", UUID.randomUUID().toString()),
                Map.entry("withdrawalId", someoneElsesWithdrawal().toString()));
        Map<String, String> signedInTokens = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();

        for (AuthorizationMatrix.Row row : AuthorizationMatrix.read(MATRIX).rows()) {
            String path = withIds(row.path(), someoneElses);
            for (String caller : AuthorizationMatrix.CALLERS) {
                String token = caller.equals("anonymous") ? null
                        : SESSION_ENDING.contains(row.endpoint()) ? callers.get(caller).get().accessToken()
                        : signedInTokens.computeIfAbsent(caller, name -> callers.get(name).get().accessToken());
                int status = call(row.method(), path, VALID_BODIES.getOrDefault(row.endpoint(), "{}"), token);
                AuthorizationMatrix.Expectation expected = row.byCaller().get(caller);
                boolean asExpected = expected.allowed() ? status != 401 && status != 403 : status == expected.deniedStatus();
                if (!asExpected) {
                    mismatches.add(row.endpoint() + " as " + caller + ": got " + status + ", table says "
                            + (expected.allowed() ? "allowed" : expected.deniedStatus()));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static UUID someoneElsesWebhook(Person projectOwner, UUID project) {
        return UUID.fromString(given().auth().oauth2(projectOwner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("budget.low")))
                .post("/api/v1/projects/" + project + "/webhooks").then().statusCode(201).extract().jsonPath().getString("id"));
    }

    private UUID someoneElsesWebhookDelivery(UUID webhook) throws Exception {
        UUID delivery = UUID.randomUUID();
        QueueFixtures.execute(dataSource, "INSERT INTO notifications.webhook_delivery (id, webhook_id, event_id, event_type, body, "
                + "status, next_attempt_at, give_up_at) VALUES (?, ?, ?, 'budget.low', '{}', 'failed', now(), now())",
                delivery, webhook, UUID.randomUUID());
        return delivery;
    }

    private UUID someoneElsesNotification() throws Exception {
        UUID notification = UUID.randomUUID();
        QueueFixtures.execute(dataSource, "INSERT INTO notifications.notification (id, user_id, kind, params, dedup_key) "
                + "VALUES (?, ?, 'reward-paid', '{}', ?)", notification, UUID.randomUUID(), notification.toString());
        return notification;
    }

    private UUID someoneElsesDispute(UUID project, long item) throws Exception {
        UUID dispute = UUID.randomUUID();
        QueueFixtures.execute(dataSource, "INSERT INTO consensus.dispute (id, kind, project_id, item_id, opened_by, reason, opened_at, status) "
                + "VALUES (?, 'item-label', ?, ?, ?, 'the label is wrong', now(), 'open')", dispute, project, item, UUID.randomUUID());
        return dispute;
    }

    /** Written directly: without a hot wallet (this profile has none) the API takes no withdrawal. */
    private UUID someoneElsesWithdrawal() throws Exception {
        UUID withdrawal = UUID.randomUUID();
        String address = "0:" + "22".repeat(32);
        QueueFixtures.execute(dataSource, "INSERT INTO payments.withdrawal (id, user_id, amount, currency, address_given, address_raw, "
                + "network, status, hold_transfer_id, idempotency_key, created_at, updated_at) "
                + "VALUES (?, ?, 60000000, 'USDT', ?, ?, 'testnet', 'awaiting_approval', ?, 'matrix', now(), now())",
                withdrawal, UUID.randomUUID(), address, address, UUID.randomUUID());
        return withdrawal;
    }

    private Map<String, Supplier<Person>> callers() throws Exception {
        Person admin = TestAccounts.admin(dataSource);
        Map<String, Supplier<Person>> callers = new LinkedHashMap<>();
        callers.put("client", () -> TestAccounts.signedIn("client"));
        callers.put("labeler", () -> TestAccounts.signedIn("labeler"));
        callers.put("reviewer", () -> reviewer(admin));
        callers.put("admin", () -> {
            try {
                return TestAccounts.admin(dataSource);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return callers;
    }

    /** Reviewers are appointed by an admin; the new role shows in the next token. */
    private static Person reviewer(Person admin) {
        Person person = TestAccounts.signedIn("labeler");
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("reviewer")))
                .put("/api/v1/users/" + person.id() + "/roles").then().statusCode(200);
        return new Person(person.id(), person.email(), TestAccounts.login(person.email(), Map.of()));
    }

    private static int call(String method, String path, String body, String token) {
        // paths go as written: REST Assured would percent-encode the colon of items:import, which nothing serves
        RequestSpecification request = given().urlEncodingEnabled(false).redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path).then().extract().statusCode();
    }

    private static String withIds(String template, Map<String, String> someoneElses) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String id = someoneElses.get(parameter.group(1));
            assertThat(id).as("the walk needs someone else's {" + parameter.group(1) + "} for " + template).isNotNull();
            parameter.appendReplacement(path, id);
        }
        return parameter.appendTail(path).toString();
    }

    private static Set<String> servedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.labelmint")) {
            if (!resource.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            Class<?> type = resource.reflect();
            String base = type.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                HTTP_METHODS.forEach((annotation, name) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        endpoints.add(name + " " + base + (sub == null ? "" : sub.value()));
                    }
                });
            }
        }
        return endpoints;
    }
}
