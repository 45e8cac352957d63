package com.labelmint.payments.ton;

import com.labelmint.platform.error.ProblemException;

/**
 * A TON address that LabelMint cannot pay to: malformed, mistyped (checksum), on another network or workchain.
 * It answers 400 with the stable type {@code urn:labelmint:problem:invalid-ton-address}; the detail says what is
 * wrong in words a labeler can act on, without echoing more than the address they typed.
 */
public class InvalidTonAddressException extends ProblemException {

    public static final String SLUG = "invalid-ton-address";

    public InvalidTonAddressException(String detail) {
        super(400, SLUG, "Invalid TON address", detail);
    }
}
