package com.sellavie.notification.messaging.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.notification.ChannelEvents;
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.notification.feed.NotificationKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelAlertsTest {

    @Test
    void namesTheChannelAsTheMerchantKnowsItAndSaysWhatToDo() {
        UUID channel = UUID.randomUUID();
        var event = ChannelEvents.needsReconnect(UUID.randomUUID(), channel, "INSTAGRAM", "ankara.studio");

        NotificationDraft alert = ChannelAlerts.needsReconnect(event);

        assertThat(alert.kind()).isEqualTo(NotificationKind.CHANNEL_NEEDS_RECONNECT);
        assertThat(alert.title()).isEqualTo("Instagram @ankara.studio needs reconnecting");
        assertThat(alert.body()).startsWith("Meta rejected its token (Error validating access token: The session "
                + "has been invalidated because the user changed their password.)").contains("connected again");
        assertThat(alert.reference()).isEqualTo(channel + "/" + event.getEventId());
    }

    @Test
    void namesPagesNumbersAndUnnamedAccounts() {
        assertThat(ChannelAlerts.channel("MESSENGER", "Ankara Studio", "1055")).isEqualTo("Messenger page Ankara Studio");
        assertThat(ChannelAlerts.channel("WHATSAPP", "Ankara Studio", "1065")).isEqualTo("WhatsApp Ankara Studio");
        assertThat(ChannelAlerts.channel("INSTAGRAM", null, "1784")).isEqualTo("Instagram account 1784");
    }
}
