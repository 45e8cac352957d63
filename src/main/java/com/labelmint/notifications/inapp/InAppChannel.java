package com.labelmint.notifications.inapp;

import com.labelmint.notifications.delivery.ChannelKind;
import com.labelmint.notifications.delivery.NotificationChannel;
import com.labelmint.notifications.delivery.OutgoingNotification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The notification list in the app. The stored notification is the message: delivering it only makes it visible
 * ({@link Inbox} lists notifications whose in-app delivery is sent), so quiet hours can hold it back like any push.
 */
@ApplicationScoped
class InAppChannel implements NotificationChannel {

    @Override
    public ChannelKind kind() {
        return ChannelKind.IN_APP;
    }

    @Override
    public boolean reaches(UUID userId) {
        return true;
    }

    @Override
    public void deliver(OutgoingNotification notification) {
        // nothing leaves the application: the delivery row turning 'sent' is what shows it
    }
}
