package com.labelmint.payments.withdrawal;

/** The body of an admin's approval (reason optional) or rejection (reason required, shown to the person). */
public record WithdrawalDecision(String reason) {
}
