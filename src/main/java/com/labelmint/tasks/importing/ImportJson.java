package com.labelmint.tasks.importing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** The Jackson readers and writer imports use, configured once. */
@ApplicationScoped
class ImportJson {

    private final ObjectReader values;
    private final ObjectReader valuesWithin;
    private final ObjectReader csvRecords;
    private final ObjectWriter writer;

    ImportJson(ObjectMapper mapper) {
        // exact decimals (3.14159265358979323846 stays what it was), one value per line, no silently dropped duplicate keys
        this.valuesWithin = mapper.readerFor(JsonNode.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        this.values = valuesWithin.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.csvRecords = new CsvMapper().readerFor(String[].class);
        this.writer = mapper.writer();
    }

    /** Reads a text that is one JSON value and nothing else (a CSV cell holding JSON). */
    ObjectReader values() {
        return values;
    }

    /** Reads the value a parser stands on, leaving the parser after it (the values of a JSON line). */
    ObjectReader valuesWithin() {
        return valuesWithin;
    }

    /** Reads one CSV record into its cells. */
    ObjectReader csvRecords() {
        return csvRecords;
    }

    ObjectWriter writer() {
        return writer;
    }
}
