package com.labelmint.miniapp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Only /app may be framed, and only by Telegram Web; its policy stays strict and the page carries no inline script. */
@QuarkusTest
class MiniAppHeadersTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

    @Test
    void theMiniAppMayBeFramedByTelegramWebOnlyUnderAStrictPolicy() {
        Response page = given().get("/app");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers().getValues("X-Frame-Options")).isEmpty();
        List<String> policies = page.headers().getValues("Content-Security-Policy");
        assertThat(policies).as("a second policy would be enforced too").hasSize(1);
        String policy = policies.get(0);
        assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors https://web.telegram.org");
        assertThat(directive(policy, "script-src")).isEqualTo("script-src 'self' https://telegram.org");
        assertThat(directive(policy, "connect-src")).isEqualTo("connect-src 'self'");
        assertThat(directive(policy, "default-src")).isEqualTo("default-src 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void thePageLoadsItsScriptsFromFilesOnly() {
        String html = given().get("/app").then().statusCode(200).extract().asString();
        Matcher script = SCRIPT_TAG.matcher(html);
        int scripts = 0;
        while (script.find()) {
            scripts++;
            assertThat(script.group(1)).contains("src=");
            assertThat(script.group(2)).isBlank();
        }
        assertThat(scripts).isEqualTo(2);
        assertThat(html).contains("src=\"https://telegram.org/js/telegram-web-app.js\"", "src=\"/app/static/app.js\"")
                .doesNotContain(" style=", " onclick=");
        given().get("/app/static/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/app/static/app.css").then().statusCode(200);
    }

    @Test
    void everythingElseStillRefusesToBeFramed() {
        for (String path : List.of("/admin/login", "/q/health/live", "/api/v1/users/me", "/app/static/app.js")) {
            Response response = given().get(path);
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(directive(response.header("Content-Security-Policy"), "frame-ancestors")).as(path)
                    .isEqualTo("frame-ancestors 'none'");
        }
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            if (directive.trim().startsWith(name + " ")) {
                return directive.trim();
            }
        }
        return null;
    }
}
