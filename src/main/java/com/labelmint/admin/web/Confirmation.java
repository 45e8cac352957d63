package com.labelmint.admin.web;

import java.util.Map;

/**
 * The confirmation step of a destructive action: what is about to happen, and the same form again with
 * {@code confirmed=yes}, posted only when the admin presses the button.
 */
public record Confirmation(String question, String action, Map<String, String> fields, String cancel) {
}
