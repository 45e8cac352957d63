package com.labelmint.platform.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

/** How responses write CSV: RFC 4180, quoting only the cells that need it, leaving the target stream open. */
public final class CsvOutput {

    private CsvOutput() {
    }

    public static CsvMapper mapper() {
        return CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    }
}
