package com.labelmint.auth.api;

import com.labelmint.users.api.AccountView;

/**
 * Who passed a sign-in check.
 *
 * @param secondFactor whether a TOTP code was checked: only then may the admin role be used
 */
public record VerifiedSignIn(AccountView account, boolean secondFactor) {
}
