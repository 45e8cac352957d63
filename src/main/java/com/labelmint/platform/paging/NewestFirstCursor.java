package com.labelmint.platform.paging;

import com.labelmint.platform.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last row of a page in a list ordered newest first ({@code created_at DESC, id DESC});
 * opaque to clients. The next page is {@code WHERE (created_at, id) < (:createdAt, :id)}.
 */
public record NewestFirstCursor(Instant createdAt, UUID id) {

    public String encoded() {
        String plain = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or {@code null} for the first page; anything forged is a 400. */
    public static NewestFirstCursor parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split(":", 3);
            return new NewestFirstCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("bad-cursor", "Not a cursor this list gave out: " + encoded);
        }
    }
}
