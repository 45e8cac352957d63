package com.labelmint.tasks.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

/** How exports write CSV: RFC 4180, quoting only the cells that need it, leaving the target stream open. */
final class CsvRows {

    private CsvRows() {
    }

    static CsvMapper mapper() {
        return CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    }
}
