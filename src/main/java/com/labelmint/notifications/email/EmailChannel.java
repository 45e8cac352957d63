package com.labelmint.notifications.email;

import com.labelmint.auth.api.AccountEmails;
import com.labelmint.notifications.delivery.ChannelKind;
import com.labelmint.notifications.delivery.NotificationChannel;
import com.labelmint.notifications.delivery.OutgoingNotification;
import com.labelmint.notifications.notice.NotificationTexts;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Notifications by e-mail over SMTP (quarkus-mailer), to the address the person signs in with, as a multipart
 * message: plain text and HTML. The delivery id goes in a header, so a mail sent twice (an SMTP server that took it
 * but answered too late) can be recognised as one.
 */
@ApplicationScoped
class EmailChannel implements NotificationChannel {

    private final Mailer mailer;
    private final AccountEmails emails;
    private final NotificationTexts texts;

    EmailChannel(Mailer mailer, AccountEmails emails, NotificationTexts texts) {
        this.mailer = mailer;
        this.emails = emails;
        this.texts = texts;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public boolean reaches(UUID userId) {
        return emails.emailOf(userId).isPresent();
    }

    @Override
    public void deliver(OutgoingNotification notification) {
        String to = emails.emailOf(notification.userId())
                .orElseThrow(() -> new IllegalStateException("The person no longer has an e-mail address"));
        NotificationTexts.Rendered mail = texts.render(notification.kind(), notification.language(), notification.params());
        mailer.send(Mail.withHtml(to, mail.subject(), mail.html()).setText(mail.text())
                .addHeader("X-LabelMint-Delivery", notification.deliveryId().toString()));
    }
}
