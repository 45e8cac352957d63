package com.labelmint.miniapp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.labelmint.projects.ProjectFixtures;
import com.labelmint.tasks.QueueFixtures;
import com.labelmint.testing.HeadlessChromium;
import com.labelmint.testing.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Mini App in headless Chromium as a 390×844 touch phone, opened the way Telegram opens it: signed initData and
 * the theme in the URL fragment. A labeler new to LabelMint draws a box with a finger, submits it, gets the
 * single-choice task that comes next, is told when its lease has run out and gets the next one, answers that, and
 * reaches "no task"; the stored answers hold what was drawn and tapped. Another labeler answers the other kinds of
 * label within their schema's bounds. Screenshots go to target/screenshots/miniapp-*.png.
 */
@QuarkusTest
class MiniAppBrowserTest {

    private static final Map<String, Object> BOXES = Map.of(
            "dataFields", List.of(Map.of("name", "image", "type", "image", "required", true)),
            "label", Map.of("type", "bounding_boxes", "classes", List.of("car", "person"), "maxBoxes", 5));
    /** The picture's red car spans these fractions of its 400×300 pixels (src/test/resources/META-INF/resources/test-images). */
    private static final double CAR_LEFT = 0.2;
    private static final double CAR_TOP = 0.3;
    private static final double CAR_RIGHT = 0.7;
    private static final double CAR_BOTTOM = 0.8;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void phoneAndOnlyThisTestsProjects() throws Exception {
        QueueFixtures.onlyNewProjectsHandOutTasks(dataSource);
        chromium = HeadlessChromium.phone(390, 844);
        browser = chromium.driver();
    }

    @AfterEach
    void closePhone() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aLabelerDrawsABoxWithAFingerSubmitsItAndAnswersTheNextTask() throws Exception {
        TestAccounts.Person client = TestAccounts.signedIn("client");
        UUID boxesProject = ProjectFixtures.active(client, BOXES, Map.of("overlap", 1, "maxOverlap", 1, "goldRate", 0, "priority", 10));
        UUID choiceProject = ProjectFixtures.active(client, ProjectFixtures.sentimentSchema(),
                Map.of("overlap", 1, "maxOverlap", 1, "goldRate", 0, "priority", 1));
        QueueFixtures.awaitQueueSees(dataSource, boxesProject, "active");
        QueueFixtures.awaitQueueSees(dataSource, choiceProject, "active");
        QueueFixtures.execute(dataSource, "INSERT INTO tasks.item (project_id, data, answers_needed) VALUES (?, cast(? AS jsonb), 1)",
                boxesProject, "{\"image\": \"" + root + "test-images/street.png\"}");
        QueueFixtures.items(dataSource, choiceProject, 2, 1);
        long telegramId = TelegramLaunch.newTelegramUser();

        WebDriverWait wait = openTheMiniAppAs(telegramId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task[data-kind='bounding_boxes'] #stage img")));
        wait.until(loaded -> (Boolean) script("var i = document.querySelector('#stage img'); return i.complete && i.naturalWidth > 0;"));
        assertThat(script("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(23, 33, 43)");
        assertThat(browser.findElement(By.id("submit-boxes")).getCssValue("background-color")).isEqualTo("rgba(82, 136, 193, 1)");
        chromium.screenshot("miniapp-01-boxes-task");

        browser.findElement(By.cssSelector("button[data-class='person']")).click();
        dragWithAFinger(CAR_LEFT, CAR_TOP, CAR_RIGHT, CAR_BOTTOM);
        assertThat(browser.findElements(By.cssSelector("#stage .box:not(.draft)"))).hasSize(1);
        assertThat(browser.findElement(By.id("submit-boxes")).getText()).isEqualTo("Submit 1 box");
        chromium.screenshot("miniapp-02-box-drawn");

        browser.findElement(By.id("submit-boxes")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task[data-kind='single_choice']")));
        assertThat(browser.findElement(By.id("task")).getText()).contains("review number 0");
        chromium.screenshot("miniapp-03-choice-task");

        // the first review's lease runs out while the labeler reads: the tap is refused with the server's reason and
        // the next review comes up
        QueueFixtures.execute(dataSource, "UPDATE tasks.lease SET expires_at = now() - interval '1 second' WHERE id = ?",
                UUID.fromString(browser.findElement(By.id("task")).getAttribute("data-lease-id")));
        browser.findElement(By.cssSelector("button.option[data-value='positive']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task"), "review number 1"));
        assertThat(browser.findElement(By.id("error")).getText()).contains("lease ended", "ask for the next task");
        chromium.screenshot("miniapp-04-lease-ran-out");

        browser.findElement(By.cssSelector("button.option[data-value='negative']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-task")));
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        chromium.screenshot("miniapp-05-no-task");

        browser.findElement(By.cssSelector(".tab[data-view='wallet']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wallet"), "History"));
        chromium.screenshot("miniapp-06-wallet");

        // each answer was the item's only one (overlap 1), so consensus accepts it; the notice is in-app only by default,
        // and the Mini App is where a Telegram labeler reads it, counted on the tab until read. Notices may still be
        // arriving: each poll opens the tab again, until the list and the count agree.
        By unread = By.cssSelector("#notices li[data-read='false']");
        wait.until(counted -> {
            browser.findElement(By.cssSelector(".tab[data-view='notices']")).click();
            List<WebElement> badge = browser.findElements(By.cssSelector("#unread:not([hidden])"));
            return !browser.findElements(By.cssSelector("#notices li[data-kind='answer-accepted'][data-read='false']")).isEmpty()
                    && badge.size() == 1 && badge.get(0).getText().equals(String.valueOf(browser.findElements(unread).size()));
        });
        assertThat(browser.findElement(By.cssSelector("#notices li[data-kind='answer-accepted']")).getText())
                .contains("Your answer was accepted");
        chromium.screenshot("miniapp-10-notices");
        wait.until(allRead -> {
            if (!browser.findElements(unread).isEmpty()) {
                browser.findElement(By.id("read-all")).click();
            }
            return browser.findElements(unread).isEmpty() && !browser.findElement(By.id("unread")).isDisplayed();
        });

        Map<UUID, Map<String, Object>> answers = storedAnswersOf(telegramId);
        assertThat(answers.get(choiceProject)).isEqualTo(Map.of("value", "negative"));
        Map<?, ?> drawn = (Map<?, ?>) ((List<?>) answers.get(boxesProject).get("boxes")).get(0);
        assertThat(drawn.get("class")).isEqualTo("person");
        assertThat(((Number) drawn.get("x")).doubleValue()).isCloseTo(CAR_LEFT, within(0.01));
        assertThat(((Number) drawn.get("y")).doubleValue()).isCloseTo(CAR_TOP, within(0.01));
        assertThat(((Number) drawn.get("w")).doubleValue()).isCloseTo(CAR_RIGHT - CAR_LEFT, within(0.01));
        assertThat(((Number) drawn.get("h")).doubleValue()).isCloseTo(CAR_BOTTOM - CAR_TOP, within(0.01));
    }

    @Test
    void multipleChoiceFreeTextAndRatingAreAnsweredWithinTheSchemasBounds() throws Exception {
        TestAccounts.Person client = TestAccounts.signedIn("client");
        List<Map<String, Object>> labels = List.of(
                Map.of("type", "multiple_choice", "minSelected", 1, "maxSelected", 2, "options", List.of(
                        Map.of("value", "food", "title", "Food"), Map.of("value", "service", "title", "Service"),
                        Map.of("value", "price", "title", "Price"))),
                Map.of("type", "free_text", "minLength", 5, "maxLength", 50),
                Map.of("type", "rating", "min", 1, "max", 5));
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            UUID project = ProjectFixtures.active(client, Map.of("dataFields", List.of(Map.of("name", "text", "type", "text", "required", true)),
                    "label", labels.get(i)), Map.of("overlap", 1, "maxOverlap", 1, "goldRate", 0, "priority", 30 - 10 * i));
            QueueFixtures.awaitQueueSees(dataSource, project, "active");
            QueueFixtures.items(dataSource, project, 1, 1);
            projects.add(project);
        }
        long telegramId = TelegramLaunch.newTelegramUser();

        WebDriverWait wait = openTheMiniAppAs(telegramId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task[data-kind='multiple_choice']")));
        assertThat(browser.findElement(By.cssSelector("#task button.primary")).isEnabled()).as("at least one").isFalse();
        browser.findElement(By.cssSelector("button.option[data-value='food']")).click();
        browser.findElement(By.cssSelector("button.option[data-value='price']")).click();
        browser.findElement(By.cssSelector("button.option[data-value='service']")).click();
        assertThat(browser.findElement(By.cssSelector("#task button.primary")).isEnabled()).as("at most two").isFalse();
        browser.findElement(By.cssSelector("button.option[data-value='service']")).click();
        chromium.screenshot("miniapp-07-multiple-choice");
        browser.findElement(By.cssSelector("#task button.primary")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task[data-kind='free_text'] textarea")));
        browser.findElement(By.cssSelector("#task textarea")).sendKeys("  soup   ");
        assertThat(browser.findElement(By.cssSelector("#task button.primary")).isEnabled()).as("5 characters at least, trimmed").isFalse();
        browser.findElement(By.cssSelector("#task textarea")).clear();
        browser.findElement(By.cssSelector("#task textarea")).sendKeys("tasty soup");
        assertThat(browser.findElement(By.cssSelector("#task .counter")).getText()).startsWith("10 / 50");
        chromium.screenshot("miniapp-08-free-text");
        browser.findElement(By.cssSelector("#task button.primary")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task[data-kind='rating']")));
        assertThat(browser.findElements(By.cssSelector("#task .scale button"))).hasSize(5);
        chromium.screenshot("miniapp-09-rating");
        browser.findElement(By.cssSelector("#task .scale button[data-value='4']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-task")));

        Map<UUID, Map<String, Object>> answers = storedAnswersOf(telegramId);
        assertThat(answers.get(projects.get(0))).isEqualTo(Map.of("values", List.of("food", "price")));
        assertThat(answers.get(projects.get(1))).isEqualTo(Map.of("text", "tasty soup"));
        assertThat(answers.get(projects.get(2))).isEqualTo(Map.of("rating", 4));
    }

    private WebDriverWait openTheMiniAppAs(long telegramId) {
        browser.get(TelegramLaunch.url(root, telegramId));
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Touches the image at one point (fractions of its size), moves in steps as a finger does, and lifts at another. */
    private void dragWithAFinger(double fromX, double fromY, double toX, double toY) {
        @SuppressWarnings("unchecked")
        Map<String, Number> frame = (Map<String, Number>) script(
                "var r = document.querySelector('#stage img').getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width, height: r.height};");
        double left = frame.get("left").doubleValue();
        double top = frame.get("top").doubleValue();
        double width = frame.get("width").doubleValue();
        double height = frame.get("height").doubleValue();
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence drag = new Sequence(finger, 0);
        drag.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(),
                (int) Math.round(left + fromX * width), (int) Math.round(top + fromY * height)));
        drag.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        int steps = 5;
        for (int step = 1; step <= steps; step++) {
            double x = fromX + (toX - fromX) * step / steps;
            double y = fromY + (toY - fromY) * step / steps;
            drag.addAction(finger.createPointerMove(Duration.ofMillis(50), PointerInput.Origin.viewport(),
                    (int) Math.round(left + x * width), (int) Math.round(top + y * height)));
        }
        drag.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((Interactive) browser).perform(List.of(drag));
    }

    /** Signs in as the same Telegram user through the API and reads their answers back, by project (one each). */
    private static Map<UUID, Map<String, Object>> storedAnswersOf(long telegramId) {
        String access = given().contentType(ContentType.JSON).body(Map.of("initData", TelegramLaunch.initData(telegramId)))
                .post("/api/v1/auth/telegram/webapp").then().statusCode(200).extract().jsonPath().getString("accessToken");
        List<Map<String, Object>> items = given().auth().oauth2(access).get("/api/v1/tasks/answers").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<UUID, Map<String, Object>> byProject = new LinkedHashMap<>();
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) item.get("answer");
            assertThat(byProject.put(UUID.fromString((String) item.get("projectId")), answer)).as("one answer per project").isNull();
        }
        return byProject;
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }
}
