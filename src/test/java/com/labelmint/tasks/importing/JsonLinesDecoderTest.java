package com.labelmint.tasks.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLinesDecoderTest {

    private final JsonLinesDecoder decoder = new JsonLinesDecoder(new ImportJson(new ObjectMapper()));

    @Test
    void dataAndGoldAreTreesAndTheExactTextTheLineHeld() throws Exception {
        String line = "{\"gold\": {\"value\": \"cat\"} , \"id\":\"x-1\",\"data\":{\"n\": 1.50, \"s\": \"a\\tb\"}}";

        Item item = decoder.decode(record(line));

        assertThat(item.externalId()).isEqualTo("x-1");
        assertThat(item.data().get("s").textValue()).isEqualTo("a\tb");
        assertThat(item.data().get("n").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(text(item.dataText())).isEqualTo("{\"n\": 1.50, \"s\": \"a\\tb\"}");
        assertThat(text(item.goldText())).isEqualTo("{\"value\": \"cat\"}");
    }

    @Test
    void aLineIsOneObjectWithKnownKeysEachOnce() {
        assertThatThrownBy(() -> decoder.decode(record("[1, 2]"))).hasMessageContaining("a line is a JSON object");
        assertThatThrownBy(() -> decoder.decode(record("{\"data\": {}} {\"data\": {}}"))).hasMessageContaining("nothing after it");
        assertThatThrownBy(() -> decoder.decode(record("{\"data\": {}, \"data\": {}}"))).hasMessageContaining("'data' appears twice");
        assertThatThrownBy(() -> decoder.decode(record("{\"data\": {}, \"id\": 7}"))).hasMessageContaining("'id' must be a string");
        assertThatThrownBy(() -> decoder.decode(record("{\"id\": \"a\", \"data\": {}, \"id\": \"b\"}"))).hasMessageContaining("'id' appears twice");
        assertThatThrownBy(() -> decoder.decode(record("{\"id\": 7, \"data\": {}, \"id\": \"b\"}")))
                .hasMessageContaining("'id' must be a string").hasMessageContaining("'id' appears twice");
        assertThatThrownBy(() -> decoder.decode(record("{\"id\": \"a\\x\", \"data\": {}}"))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> decoder.decode(record("{\"data\": {\"a\": 1, \"a\": 2}}"))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> decoder.decode(record("{\"data\": {}, \"extra\": 1}"))).hasMessageContaining("'extra' is not a key");
    }

    @Test
    void nullIdAndGoldAreAbsent() throws Exception {
        Item item = decoder.decode(record("{\"id\": null, \"data\": {}, \"gold\": null}"));

        assertThat(item.externalId()).isNull();
        assertThat(item.isGold()).isFalse();
    }

    private static RawRecord record(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new RecordSplitter(new ByteArrayInputStream(bytes), bytes.length + 1, false).next();
    }

    private static String text(JsonText text) {
        return new String(text.bytes(), text.offset(), text.length(), StandardCharsets.UTF_8);
    }
}
