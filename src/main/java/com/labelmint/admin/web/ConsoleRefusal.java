package com.labelmint.admin.web;

/** A console request refused with 403 before anything was done: a forged or stale form, a role that may not look. */
public class ConsoleRefusal extends RuntimeException {

    public ConsoleRefusal(String message) {
        super(message);
    }
}
