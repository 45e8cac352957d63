package com.labelmint.tasks.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSplitterTest {

    /** A record as the splitter cut it, copied out of the reused buffer. */
    record Cut(int firstLine, int lastLine, String text, RawRecord.Defect defect) {
    }

    @Test
    void jsonLinesAreCutAtLineFeedsWithAnyCarriageReturnDropped() throws IOException {
        assertThat(cut("\uFEFF{\"a\": 1}\r\n\n{\"b\": \"x\\\"y\"}\n{\"c\": 3}", false)).containsExactly(
                new Cut(1, 1, "{\"a\": 1}", RawRecord.Defect.NONE),
                new Cut(2, 2, "", RawRecord.Defect.NONE),
                new Cut(3, 3, "{\"b\": \"x\\\"y\"}", RawRecord.Defect.NONE),
                new Cut(4, 4, "{\"c\": 3}", RawRecord.Defect.NONE));
    }

    @Test
    void aCsvRecordGoesOnAcrossLineBreaksInsideQuotes() throws IOException {
        assertThat(cut("a,\"two\nlines\",\"say \"\"hi\"\"\"\r\nb,\"\",c\n", true)).containsExactly(
                new Cut(1, 2, "a,\"two\nlines\",\"say \"\"hi\"\"\"", RawRecord.Defect.NONE),
                new Cut(3, 3, "b,\"\",c", RawRecord.Defect.NONE));
    }

    @Test
    void aQuoteInsideAnUnquotedValueOrAfterAClosedOneIsAnOrdinaryCharacter() throws IOException {
        assertThat(cut("ab\"c,d\n\"x\"y\"z,w\nnext\n", true)).extracting(Cut::firstLine).containsExactly(1, 2, 3);
    }

    @Test
    void aQuoteThatNeverClosesTakesTheRestOfTheBodyAndSaysSo() throws IOException {
        assertThat(cut("a,1\nb,\"open\nc,3\nd,4", true)).containsExactly(
                new Cut(1, 1, "a,1", RawRecord.Defect.NONE),
                new Cut(2, 4, "b,\"open\nc,3\nd,4", RawRecord.Defect.UNCLOSED_QUOTE));
    }

    @Test
    void aRecordOverTheLimitKeepsNoBytesButItsNeighboursAreWhole() throws IOException {
        List<Cut> cuts = cut("short\n" + "x".repeat(100) + "\nshort again\n", false, 16);

        assertThat(cuts).extracting(Cut::defect).containsExactly(RawRecord.Defect.NONE, RawRecord.Defect.TOO_LONG, RawRecord.Defect.NONE);
        assertThat(cuts.get(1).text()).hasSize(16);
        assertThat(cuts.get(2)).isEqualTo(new Cut(3, 3, "short again", RawRecord.Defect.NONE));
    }

    @Test
    void anEmptyBodyHasNoRecords() throws IOException {
        assertThat(cut("", false)).isEmpty();
        assertThat(cut("\uFEFF", true)).isEmpty();
    }

    private static List<Cut> cut(String body, boolean csv) throws IOException {
        return cut(body, csv, 1024);
    }

    private static List<Cut> cut(String body, boolean csv, int maxRecordBytes) throws IOException {
        RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), maxRecordBytes, csv);
        List<Cut> cuts = new ArrayList<>();
        for (RawRecord record = splitter.next(); record != null; record = splitter.next()) {
            cuts.add(new Cut(record.firstLine(), record.lastLine(),
                    new String(record.bytes(), 0, record.length(), StandardCharsets.UTF_8), record.defect()));
        }
        return cuts;
    }
}
