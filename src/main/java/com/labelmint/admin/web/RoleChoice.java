package com.labelmint.admin.web;

/** One checkbox of the roles form. */
public record RoleChoice(String name, boolean held) {
}
