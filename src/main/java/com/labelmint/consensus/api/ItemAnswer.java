package com.labelmint.consensus.api;

import java.util.UUID;

/**
 * One regular answer to an item: who gave it, its value as JSON and its verdict ({@code accepted}, {@code rejected},
 * {@code void}, or null).
 */
public record ItemAnswer(UUID id, UUID labelerId, String value, String verdict) {
}
