package com.labelmint.tasks.importing;

/**
 * A JSON value exactly as a line wrote it: a slice of the record's bytes, valid until the splitter's next record.
 * Copied as it is, it costs no second serialisation, and the database stores what the client sent.
 */
record JsonText(byte[] bytes, int offset, int length) {
}
