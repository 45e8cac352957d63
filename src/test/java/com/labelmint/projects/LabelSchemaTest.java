package com.labelmint.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.labelmint.projects.api.DataField;
import com.labelmint.projects.api.LabelSchema;
import com.labelmint.projects.api.LabelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<LabelSpec.Option> ANIMALS = List.of(new LabelSpec.Option("cat", "Cat"),
            new LabelSpec.Option("dog", "Dog"), new LabelSpec.Option("bird", "Bird"));
    private static final List<DataField> IMAGE = List.of(new DataField("image", DataField.Type.IMAGE, true),
            new DataField("caption", DataField.Type.TEXT, false));

    @Test
    void singleChoiceTakesExactlyOneKnownOption() throws Exception {
        LabelSchema schema = new LabelSchema(IMAGE, new LabelSpec.SingleChoice(ANIMALS));
        assertThat(schema.answerViolation(json("{\"value\": \"cat\"}"))).isEmpty();
        assertThat(schema.answerViolation(json("{\"value\": \"cow\"}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"value\": \"cat\", \"extra\": 1}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"value\": 3}"))).isPresent();
        assertThat(schema.answerViolation(json("[\"cat\"]"))).isPresent();
    }

    @Test
    void multipleChoiceRespectsItsBoundsAndRefusesRepeats() throws Exception {
        LabelSchema schema = new LabelSchema(IMAGE, new LabelSpec.MultipleChoice(ANIMALS, 1, 2));
        assertThat(schema.answerViolation(json("{\"values\": [\"cat\", \"dog\"]}"))).isEmpty();
        assertThat(schema.answerViolation(json("{\"values\": []}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"values\": [\"cat\", \"dog\", \"bird\"]}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"values\": [\"cat\", \"cat\"]}"))).hasValueSatisfying(v -> assertThat(v).contains("twice"));
        assertThat(new LabelSpec.MultipleChoice(ANIMALS, 2, 1).problems()).isNotEmpty();
        assertThat(new LabelSpec.MultipleChoice(ANIMALS, 0, 4).problems()).isNotEmpty();
    }

    @Test
    void freeTextCountsCharactersNotBytesAfterTrimming() throws Exception {
        LabelSchema schema = new LabelSchema(IMAGE, new LabelSpec.FreeText(2, 5));
        assertThat(schema.answerViolation(json("{\"text\": \"  привет  \"}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"text\": \"  мир  \"}"))).isEmpty();
        assertThat(schema.answerViolation(json("{\"text\": \" a \"}"))).isPresent();
        assertThat(new LabelSpec.FreeText(0, LabelSpec.FreeText.LONGEST + 1).problems()).isNotEmpty();
    }

    @Test
    void ratingsAreWholeNumbersOnTheScale() throws Exception {
        LabelSchema schema = new LabelSchema(IMAGE, new LabelSpec.Rating(1, 5));
        assertThat(schema.answerViolation(json("{\"rating\": 5}"))).isEmpty();
        assertThat(schema.answerViolation(json("{\"rating\": 6}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"rating\": 2.5}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"rating\": \"3\"}"))).isPresent();
    }

    @Test
    void boxesHaveAKnownClassAndLieInsideTheImage() throws Exception {
        LabelSchema schema = new LabelSchema(IMAGE, new LabelSpec.BoundingBoxes(List.of("car", "person"), 2));
        assertThat(schema.problems()).isEmpty();
        assertThat(schema.answerViolation(json("{\"boxes\": []}"))).isEmpty();
        assertThat(schema.answerViolation(json("{\"boxes\": [{\"class\": \"car\", \"x\": 0.1, \"y\": 0.2, \"w\": 0.5, \"h\": 0.8}]}"))).isEmpty();
        assertThat(schema.answerViolation(json("{\"boxes\": [{\"class\": \"tree\", \"x\": 0.1, \"y\": 0.2, \"w\": 0.5, \"h\": 0.5}]}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"boxes\": [{\"class\": \"car\", \"x\": 0.6, \"y\": 0.2, \"w\": 0.5, \"h\": 0.5}]}"))).isPresent();
        assertThat(schema.answerViolation(json("{\"boxes\": [{\"class\": \"car\", \"x\": 0.1, \"y\": 0.2, \"w\": 0, \"h\": 0.5}]}"))).isPresent();
        String box = "{\"class\": \"car\", \"x\": 0.1, \"y\": 0.1, \"w\": 0.1, \"h\": 0.1}";
        assertThat(schema.answerViolation(json("{\"boxes\": [" + box + "," + box + "," + box + "]}"))).isPresent();
        assertThat(new LabelSchema(List.of(new DataField("text", DataField.Type.TEXT, true)),
                new LabelSpec.BoundingBoxes(List.of("car"), 5)).problems()).anyMatch(problem -> problem.contains("image"));
    }

    @Test
    void itemsCarryTheRequiredFieldsOfTheRightKindAndNothingElse() throws Exception {
        LabelSchema schema = new LabelSchema(List.of(new DataField("image", DataField.Type.IMAGE, true),
                new DataField("score", DataField.Type.NUMBER, false), new DataField("source", DataField.Type.URL, false)),
                new LabelSpec.SingleChoice(ANIMALS));
        assertThat(schema.itemViolations(json("{\"image\": \"https://example.org/a.jpg\", \"score\": 3}"))).isEmpty();
        assertThat(schema.itemViolations(json("{\"image\": \"asset:photo-1.jpg\"}"))).isEmpty();
        assertThat(schema.itemViolations(json("{\"score\": 3}"))).containsExactly("'image' is required");
        assertThat(schema.itemViolations(json("{\"image\": \"javascript:alert(1)\", \"score\": \"x\", \"other\": 1}"))).hasSize(3);
        assertThat(schema.itemViolations(json("{\"image\": \"asset:../../etc/passwd\"}"))).hasSize(1);
        assertThat(schema.itemViolations(json("[1, 2]"))).hasSize(1);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
