package com.labelmint.consensus.external;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.labelmint.testing.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregation engine on answers gathered elsewhere: CSV in, CSV out, nothing stored. */
@QuarkusTest
class ExternalAggregationTest {

    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private String token;

    @BeforeEach
    void signedIn() {
        token = TestAccounts.signedIn("labeler").accessToken();
    }

    @Test
    void majorityVoteGivesEachTaskItsMostCommonLabelAndItsShare() {
        String csv = aggregate("mv", "task,worker,label\nt1,w1,cat\nt1,w2,cat\nt1,w3,dog\n\"t,2\",w1,dog\n")
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();

        assertThat(csv).isEqualTo("task,label,confidence\nt1,cat,0.6666666666666666\n\"t,2\",dog,1.0\n");
    }

    /** Two workers always right, three answering at random: Dawid–Skene learns to ignore the noise the vote counts. */
    @Test
    void dawidSkeneLearnsWhoToTrustWhereTheMajorityIsFooled() {
        StringBuilder body = new StringBuilder("task,worker,label\n");
        Map<String, String> truth = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        List<String> classes = List.of("a", "b", "c");
        for (int task = 0; task < 300; task++) {
            truth.put("t" + task, classes.get(random.nextInt(3)));
            body.append("t").append(task).append(",good1,").append(truth.get("t" + task)).append('\n');
            body.append("t").append(task).append(",good2,").append(truth.get("t" + task)).append('\n');
            for (int noisy = 1; noisy <= 3; noisy++) {
                body.append("t").append(task).append(",noisy").append(noisy).append(',').append(classes.get(random.nextInt(3))).append('\n');
            }
        }

        double majorityAccuracy = accuracy(aggregate("mv", body.toString()).statusCode(200).extract().asString(), truth);
        double dawidSkeneAccuracy = accuracy(aggregate("ds", body.toString()).statusCode(200).extract().asString(), truth);

        assertThat(dawidSkeneAccuracy).isGreaterThan(0.98).isGreaterThan(majorityAccuracy + 0.05);
    }

    private static double accuracy(String csv, Map<String, String> truth) {
        List<String[]> rows = csv.lines().skip(1).map(line -> line.split(",")).toList();
        assertThat(rows).hasSize(truth.size());
        return rows.stream().filter(row -> row[1].equals(truth.get(row[0]))).count() / (double) rows.size();
    }

    @Test
    void badInputIsAProblemNamingItsLine() {
        aggregate("mv", "task,worker,label\nt1,w1,cat\nt1,w2\n").statusCode(400)
                .body("type", equalTo("urn:labelmint:problem:malformed-csv")).body("detail", containsString("Line 3"));
        aggregate("mv", "item,who,what\nt1,w1,cat\n").statusCode(400).body("detail", containsString("Line 1"));
        aggregate("mv", "task,worker,label\nt1,w1,\"cat\n").statusCode(400).body("type", equalTo("urn:labelmint:problem:malformed-csv"));
        aggregate("median", "task,worker,label\nt1,w1,cat\n").statusCode(400).body("type", equalTo("urn:labelmint:problem:unknown-method"));
        given().config(AS_GIVEN).auth().oauth2(token).contentType("application/json").body("{}").post("/api/v1/consensus/aggregate")
                .then().statusCode(415);
        given().config(AS_GIVEN).contentType("text/csv").body("task,worker,label\n").post("/api/v1/consensus/aggregate")
                .then().statusCode(401);
    }

    @Test
    void tooManyAnswersOrBytesAreRefused() {
        StringBuilder rows = new StringBuilder("task,worker,label\n");
        for (int i = 0; i <= 2000; i++) {
            rows.append('t').append(i).append(",w,x\n");
        }
        aggregate("mv", rows.toString()).statusCode(400).body("type", equalTo("urn:labelmint:problem:too-many-answers"));
        aggregate("mv", "task,worker,label\nt1,w1," + "x".repeat(70 * 1024) + "\n").statusCode(413);
    }

    private ValidatableResponse aggregate(String method, String csv) {
        return given().config(AS_GIVEN).auth().oauth2(token).contentType("text/csv").queryParam("method", method)
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/consensus/aggregate").then();
    }

}
