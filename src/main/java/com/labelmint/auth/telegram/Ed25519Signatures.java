package com.labelmint.auth.telegram;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/** Ed25519 with the JDK's own provider, from the raw 32-byte public keys Telegram publishes. */
final class Ed25519Signatures {

    /** The DER header of an X.509 SubjectPublicKeyInfo for Ed25519; the raw key follows it. */
    private static final byte[] SUBJECT_PUBLIC_KEY_INFO_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int RAW_KEY_LENGTH = 32;

    private Ed25519Signatures() {
    }

    /** A bad key is a configuration error, not bad client data: it throws IllegalArgumentException. */
    static PublicKey publicKey(byte[] rawKey) {
        if (rawKey == null || rawKey.length != RAW_KEY_LENGTH) {
            throw new IllegalArgumentException("An Ed25519 public key is 32 bytes");
        }
        byte[] encoded = new byte[SUBJECT_PUBLIC_KEY_INFO_PREFIX.length + RAW_KEY_LENGTH];
        System.arraycopy(SUBJECT_PUBLIC_KEY_INFO_PREFIX, 0, encoded, 0, SUBJECT_PUBLIC_KEY_INFO_PREFIX.length);
        System.arraycopy(rawKey, 0, encoded, SUBJECT_PUBLIC_KEY_INFO_PREFIX.length, RAW_KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a usable Ed25519 public key", e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // a signature of the wrong length or shape is simply not valid
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a usable Ed25519 public key", e);
        }
    }
}
