package com.labelmint.tasks.importing;

import com.labelmint.projects.api.LabelSchema;
import java.io.IOException;

/** Turns one record of a body into an item, or says why it cannot. */
interface ItemDecoder {

    Item decode(RawRecord record) throws LineRejected;

    /** The decoder for a body whose records come from {@code records}; for CSV, the header is read here. */
    static ItemDecoder open(ImportFormat format, RecordSplitter records, LabelSchema schema, ImportJson json)
            throws IOException, HeaderRejected {
        return format == ImportFormat.CSV ? CsvItemDecoder.fromHeader(records.next(), schema, json) : new JsonLinesDecoder(json);
    }
}
