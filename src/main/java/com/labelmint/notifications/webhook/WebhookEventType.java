package com.labelmint.notifications.webhook;

import com.labelmint.platform.error.ProblemException;

/** The events a client's endpoint can subscribe to, by their names on the wire ({@code item.completed}). */
public enum WebhookEventType {
    ITEM_COMPLETED("item.completed"),
    PROJECT_COMPLETED("project.completed"),
    ANSWER_SUBMITTED("answer.submitted"),
    BUDGET_LOW("budget.low");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static WebhookEventType fromWireName(String name) {
        for (WebhookEventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw ProblemException.badRequest("unknown-webhook-event",
                "There is no webhook event '" + name + "': item.completed, project.completed, answer.submitted or budget.low");
    }
}
