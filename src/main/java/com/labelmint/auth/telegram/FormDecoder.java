package com.labelmint.auth.telegram;

import com.labelmint.auth.telegram.TelegramAuthException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one {@code application/x-www-form-urlencoded} component strictly. Unlike
 * {@link java.net.URLDecoder}, a broken escape or invalid UTF-8 is an error instead of being
 * silently replaced, so garbage cannot turn into something that looks like data.
 */
final class FormDecoder {

    private FormDecoder() {
    }

    static String decode(String component) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '%') {
                if (i + 2 >= component.length()) {
                    throw malformed("a truncated %-escape");
                }
                int high = hexDigit(component.charAt(i + 1));
                int low = hexDigit(component.charAt(i + 2));
                if (high < 0 || low < 0) {
                    throw malformed("a %-escape that is not hexadecimal");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c > ' ' && c < 0x7f) {
                bytes.write(c);
            } else {
                // Spaces, controls and non-ASCII never appear raw in a real query string; a raw
                // space would also be a second spelling of '+'.
                throw malformed("a character that should have been %-escaped");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("bytes that are not UTF-8");
        }
    }

    /** ASCII only: {@link Character#digit} would also accept digits of other scripts. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static TelegramAuthException malformed(String what) {
        return new TelegramAuthException(Reason.MALFORMED, "Telegram data contains " + what);
    }
}
