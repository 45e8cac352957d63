package com.labelmint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.testing.Rfc6238;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin's desk. An operator appoints the admin (admins are appointed, never signed up); the admin turns TOTP on,
 * decides disputes in the console's pages (a cookie session, the form's CSRF token, the confirmation step of a
 * dismissal) and reads the admin API: fraud flags, ledger accounts, a reconciliation run.
 */
final class AdminDesk {

    private static final Pattern SESSION_COOKIE = Pattern.compile("labelmint_admin=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final Api api;
    private final Account account;
    private final String totpSecret;
    private final Api.Caller adminApi;
    private long nextStep;

    private AdminDesk(Api api, Account account, String totpSecret, long firstUnusedStep) {
        this.api = api;
        this.account = account;
        this.totpSecret = totpSecret;
        this.nextStep = firstUnusedStep;
        this.adminApi = api.as(Account.signIn(api, account.email(), Map.of("totpCode", code())));
    }

    /** Signs the admin up, has the operator appoint them ({@code appoint}: the account id), and turns TOTP on. */
    static AdminDesk appoint(Api api, String runId, Consumer<UUID> appoint, Progress progress) {
        Account account = Account.signUp(api, "admin-" + runId + "@scenario.example.org", "Ada Admin", "client");
        appoint.accept(account.id());
        String secret = account.caller().post("/api/v1/auth/mfa/totp/enroll", null).get("secret").asText();
        long step = Rfc6238.currentStep();
        // The current step's code: the server, a request later, is in this step or the next and takes it either way
        // (it takes the step before and after its own). The previous step's was refused once, when the request to a
        // cold instance crossed a step boundary. The next step stays unused for the first sign-in.
        account.caller().post("/api/v1/auth/mfa/totp/confirm", Map.of("code", totp(secret, step)));
        progress.say("admin", "%s appointed, TOTP on", account.email());
        return new AdminDesk(api, account, secret, step + 1);
    }

    /** Decides a dispute in the console, as an admin at the pages would: the queue, the case, the form. */
    void decideDispute(UUID disputeId, boolean uphold, String note) {
        String cookie = "labelmint_admin=" + signInToConsole();
        String queue = page(cookie, "/admin/disputes");
        if (!queue.contains("/admin/disputes/" + disputeId)) {
            throw new ScenarioFailure("The console's dispute queue does not list " + disputeId);
        }
        Matcher csrf = CSRF.matcher(page(cookie, "/admin/disputes/" + disputeId));
        if (!csrf.find()) {
            throw new ScenarioFailure("The dispute's page has no decision form");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf.group(1));
        form.put("outcome", uphold ? "upheld" : "dismissed");
        form.put("note", note);
        if (!uphold) {
            String confirmation = postForm(cookie, "/admin/disputes/" + disputeId + "/resolution", form, 200).body();
            if (!confirmation.contains("Are you sure?")) {
                throw new ScenarioFailure("Dismissing asked for no confirmation");
            }
            form.put("confirmed", "yes");
        }
        postForm(cookie, "/admin/disputes/" + disputeId + "/resolution", form, 303);
    }

    List<JsonNode> exclusionFlags() {
        return adminApi.everyItem("/api/v1/admin/fraud-flags?action=exclude", "after");
    }

    /** A reconciliation run now: the ledger's invariants and the hot wallet against the chain. */
    JsonNode reconcile() {
        return adminApi.post("/api/v1/admin/ledger/reconciliations", null);
    }

    long platformFees() {
        long units = 0;
        for (JsonNode account : adminApi.get("/api/v1/admin/ledger/accounts?kind=platform-fees")) {
            units += Usdt.units(account.get("balance"));
        }
        return units;
    }

    private String signInToConsole() {
        Api.Reply reply = postForm(null, "/admin/login", Map.of("email", account.email(), "password", Account.PASSWORD, "totpCode", code()), 303);
        return reply.header("Set-Cookie").map(SESSION_COOKIE::matcher).filter(Matcher::find).map(matcher -> matcher.group(1))
                .orElseThrow(() -> new ScenarioFailure("The console's sign-in set no session cookie"));
    }

    private String page(String cookie, String path) {
        return api.anonymous().send("GET", path, Map.of("Cookie", cookie), null, 200).body();
    }

    private Api.Reply postForm(String cookie, String path, Map<String, String> form, int expected) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.anonymous().send("POST", path, headers, body, expected);
    }

    /** A TOTP code nobody used yet: the current step's, or a later one when it was used (never waiting for the clock). */
    private synchronized String code() {
        long step = Math.max(nextStep, Rfc6238.currentStep());
        nextStep = step + 1;
        return totp(totpSecret, step);
    }

    private static String totp(String secret, long step) {
        try {
            return Rfc6238.code(secret, step);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }
}
