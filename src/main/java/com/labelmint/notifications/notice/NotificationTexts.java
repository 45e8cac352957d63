package com.labelmint.notifications.notice;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * A notification in words, from its kind's Qute templates in the person's language (English when we do not speak
 * theirs): {@code notifications/<kind>/<language>.txt} holds the subject (fragment {@code subject}) and the plain text,
 * {@code .html} the HTML body inside {@code notifications/layout.html}.
 */
@ApplicationScoped
public class NotificationTexts {

    static final String DEFAULT_LANGUAGE = "en";
    private static final Set<String> LANGUAGES = Set.of("en", "ru");

    private final Engine engine;

    NotificationTexts(Engine engine) {
        this.engine = engine;
    }

    /** The subject line, also the title of the in-app notice. */
    public String subject(NotificationKind kind, String language, Map<String, Object> params) {
        return template(kind, language, "txt").getFragment("subject").data(params).render().strip();
    }

    public Rendered render(NotificationKind kind, String language, Map<String, Object> params) {
        return new Rendered(subject(kind, language, params), template(kind, language, "txt").data(params).render().strip() + "\n",
                template(kind, language, "html").data(params).render());
    }

    private Template template(NotificationKind kind, String language, String suffix) {
        String spoken = language != null && LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
        String id = "notifications/" + kind.wireName() + "/" + spoken + "." + suffix;
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No template " + id);
        }
        return template;
    }

    /** One notification as an e-mail: subject, plain text and HTML. */
    public record Rendered(String subject, String text, String html) {
    }
}
