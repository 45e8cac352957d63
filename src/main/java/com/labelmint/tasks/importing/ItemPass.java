package com.labelmint.tasks.importing;

import com.labelmint.projects.api.LabelSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One read through a spooled body: every record is cut, decoded and validated; good items go to a sink, bad
 * lines to the error report. An import may read its body more than once (see {@link ImportTransaction}), and
 * every read judges every line the same way.
 */
final class ItemPass {

    /** Where good items go. */
    @FunctionalInterface
    interface Sink {
        void accept(int line, Item item) throws SQLException;
    }

    /** Told the last line read after each record. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = line -> {
        };

        void reached(int line);
    }

    /** Items handed to the sink, and how many of them are gold. */
    record Counts(long items, long gold) {
    }

    private final Spool spool;
    private final ImportFormat format;
    private final LabelSchema schema;
    private final ImportJson json;
    private final int maxLineBytes;
    private final BooleanSupplier stopping;

    ItemPass(Spool spool, ImportFormat format, LabelSchema schema, ImportJson json, int maxLineBytes, BooleanSupplier stopping) {
        this.spool = spool;
        this.format = format;
        this.schema = schema;
        this.json = json;
        this.maxLineBytes = maxLineBytes;
        this.stopping = stopping;
    }

    Spool spool() {
        return spool;
    }

    /**
     * Reads the whole body, skipping the records that start on a line in {@code skip}.
     *
     * @throws ImportStopped when {@code stopping} turns true
     */
    Counts run(BitSet skip, LineErrors errors, Progress progress, Sink sink) throws IOException, SQLException, HeaderRejected {
        try (InputStream in = Files.newInputStream(spool.file())) {
            RecordSplitter records = new RecordSplitter(in, maxLineBytes, format.quotedValuesSpanLines());
            ItemDecoder decoder = ItemDecoder.open(format, records, schema, json);
            ItemRules rules = new ItemRules(schema);
            long items = 0;
            long gold = 0;
            for (RawRecord record = records.next(); record != null; record = records.next()) {
                if (stopping.getAsBoolean()) {
                    throw new ImportStopped();
                }
                int line = record.firstLine();
                if (!record.isBlank() && !skip.get(line)) {
                    try {
                        Item item = read(record, decoder, rules);
                        sink.accept(line, item);
                        items++;
                        gold += item.isGold() ? 1 : 0;
                    } catch (LineRejected rejected) {
                        errors.add(line, rejected.getMessage());
                    }
                }
                progress.reached(record.lastLine());
            }
            return new Counts(items, gold);
        }
    }

    private Item read(RawRecord record, ItemDecoder decoder, ItemRules rules) throws LineRejected {
        switch (record.defect()) {
            case TOO_LONG:
                throw new LineRejected("longer than " + maxLineBytes + " bytes (labelmint.import.max-line-bytes)");
            case UNCLOSED_QUOTE:
                throw new LineRejected("a quoted value opens on this record and is never closed: the record runs to line "
                        + record.lastLine() + ", the end of the body");
            default:
                break;
        }
        int invalid = Utf8.firstInvalidByte(record.bytes(), record.length());
        if (invalid >= 0) {
            throw new LineRejected("not valid UTF-8 (byte " + (invalid + 1) + " of the line)");
        }
        Item item = decoder.decode(record);
        List<String> violations = rules.violations(item, JsonSafety.textMayBeUnsafe(record.bytes(), record.length()));
        if (!violations.isEmpty()) {
            throw new LineRejected(String.join("; ", violations));
        }
        return item;
    }
}
