package com.labelmint.auth.api;

/** The auth module's synchronous face for other modules. */
public interface AuthApi {

    /**
     * Checks an e-mail, password and — when the account has it on — TOTP code exactly as the API's sign-in does,
     * counted by the same login throttle, without opening an API session: for front doors that keep sessions of
     * their own (the admin console). Failures throw the sign-in's problems (401, 403 banned, 429 throttled).
     */
    VerifiedSignIn verifySignIn(String email, String password, String totpCode, String clientAddress);
}
