package com.labelmint.consensus.external;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.labelmint.consensus.engine.AnswerMatrixBuilder;
import com.labelmint.platform.error.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code task,worker,label} CSV (UTF-8, header first) straight from the request into the engine's integer
 * codes, row by row: the body itself is never held. A row that is not three non-empty cells, bad quoting, bad
 * UTF-8, or more rows than allowed stop the read with a 400 naming the line.
 */
final class ExternalAnswersCsv {

    static final List<String> HEADER = List.of("task", "worker", "label");

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private ExternalAnswersCsv() {
    }

    static AnswerMatrixBuilder.Encoded<String, String, String> read(InputStream body, int maxRows) throws IOException {
        Reader utf8 = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        AnswerMatrixBuilder<String, String, String> answers = new AnswerMatrixBuilder<>();
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(utf8)) {
            if (!rows.hasNextValue() || !Arrays.asList(rows.nextValue()).stream().map(String::strip).toList().equals(HEADER)) {
                throw malformed(1, "the first line must be the header task,worker,label");
            }
            int count = 0;
            while (next(rows)) {
                long line = rows.getCurrentLocation().getLineNr();
                String[] row = value(rows, line);
                if (row.length == 1 && row[0].isEmpty()) {
                    continue; // a blank line, as at the very end of many files
                }
                if (row.length != 3 || Arrays.stream(row).anyMatch(String::isBlank)) {
                    throw malformed(line, "expected three non-empty cells task,worker,label, got " + row.length + " cell(s)");
                }
                if (++count > maxRows) {
                    throw ProblemException.badRequest("too-many-answers", "At most " + maxRows + " answers per request");
                }
                answers.add(row[0], row[1], row[2]);
            }
        }
        return answers.build();
    }

    private static boolean next(MappingIterator<String[]> rows) {
        try {
            return rows.hasNextValue();
        } catch (IOException | RuntimeJsonMappingException e) {
            throw malformed(rows.getCurrentLocation().getLineNr(), e);
        }
    }

    private static String[] value(MappingIterator<String[]> rows, long line) {
        try {
            return rows.nextValue();
        } catch (IOException | RuntimeJsonMappingException e) {
            throw malformed(line, e);
        }
    }

    /** A refusal from under the parser (the body's cap) is passed on as it is; anything else is the line's fault. */
    private static ProblemException malformed(long line, Exception cause) {
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof ProblemException refusal) {
                return refusal;
            }
        }
        return malformed(line, cause instanceof CharacterCodingException ? "not UTF-8 text" : cause.getMessage());
    }

    private static ProblemException malformed(long line, String reason) {
        return ProblemException.badRequest("malformed-csv", "Line " + line + ": " + firstLine(reason));
    }

    private static String firstLine(String text) {
        return text == null ? "unreadable" : text.lines().findFirst().orElse(text);
    }
}
