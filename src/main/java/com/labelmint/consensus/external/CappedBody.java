package com.labelmint.consensus.external;

import com.labelmint.platform.error.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body read up to a cap: one byte more and the request is refused with 413. */
final class CappedBody extends FilterInputStream {

    private final long maxBytes;
    private long read;

    CappedBody(InputStream body, long maxBytes) {
        super(body);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            count(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int bytes) {
        read += bytes;
        if (read > maxBytes) {
            throw new ProblemException(413, "payload-too-large", "Payload too large", "The body is larger than " + maxBytes + " bytes");
        }
    }
}
