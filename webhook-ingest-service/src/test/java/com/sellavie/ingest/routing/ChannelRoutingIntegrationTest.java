package com.sellavie.ingest.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.OpsClient;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The routing table as conversation.channels builds it (same context as the webhook tests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ops.token=" + OpsClient.TOKEN})
@IntegrationTest
class ChannelRoutingIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChannelRouter router;

    @Test
    void channelConnectedDeliveredTwiceMakesOneRoute() {
        UUID business = UUID.randomUUID();
        ChannelConnected connected = ChannelEvents.connected(business, "INSTAGRAM", externalId());
        ChannelConnected marker = ChannelEvents.connected(business, "INSTAGRAM", externalId());
        String key = connected.getChannelId().toString();

        // The same record twice, then a marker on the same partition: once it is applied, both were handled.
        ChannelEvents.publish(key, connected);
        ChannelEvents.publish(key, connected);
        ChannelEvents.publish(key, marker);
        awaitRoute(marker);

        assertThat(routes(business, connected.getChannelId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class,
                connected.getEventId())).isEqualTo(1);
        assertThat(router.route("INSTAGRAM", connected.getExternalId()))
                .contains(new ChannelRoute(business, connected.getChannelId(), connected.getExternalId(), "external_id"));
    }

    @Test
    void disconnectedChannelNoLongerRoutesAndAnOlderConnectCannotReviveIt() {
        UUID business = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);
        ChannelConnected connected = ChannelEvents.connected(business, UUID.randomUUID(), "MESSENGER", externalId(),
                null, null, t0);
        String key = connected.getChannelId().toString();
        ChannelEvents.publish(key, connected);
        awaitRoute(connected);

        ChannelEvents.publish(key, ChannelEvents.disconnected(connected, t0.plusSeconds(10)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> router.route("MESSENGER", connected.getExternalId()).isEmpty());

        // A replay of an older connect (e.g. from the compacted topic) arrives after the disconnect.
        ChannelConnected stale = ChannelEvents.connected(business, connected.getChannelId(), "MESSENGER",
                connected.getExternalId(), null, null, t0.plusSeconds(5));
        ChannelConnected marker = ChannelEvents.connected(business, "MESSENGER", externalId());
        ChannelEvents.publish(key, stale);
        ChannelEvents.publish(key, marker);
        awaitRoute(marker);

        assertThat(router.route("MESSENGER", connected.getExternalId())).isEmpty();
    }

    @Test
    void instagramRoutesByAccountIdThenByTheLinkedPageId() {
        UUID business = UUID.randomUUID();
        String account = externalId();
        String page = externalId();
        ChannelConnected connected = ChannelEvents.instagramThroughPage(business, account, page);
        ChannelEvents.publish(connected.getChannelId().toString(), connected);
        awaitRoute(connected);

        assertThat(router.route("INSTAGRAM", account)).map(ChannelRoute::matchedBy).contains("external_id");
        assertThat(router.route("INSTAGRAM", page))
                .contains(new ChannelRoute(business, connected.getChannelId(), account, "page_id"));
        // a Page id is an Instagram channel's second layer only: Messenger routes by its own Page id
        assertThat(router.route("MESSENGER", page)).isEmpty();
        assertThat(router.route("INSTAGRAM", externalId())).isEmpty();
    }

    @Test
    void aChannelThatNeedsReconnectingKeepsRouting() {
        UUID business = UUID.randomUUID();
        ChannelConnected connected = ChannelEvents.connected(business, "INSTAGRAM", externalId());
        String key = connected.getChannelId().toString();
        ChannelEvents.publish(key, connected);
        awaitRoute(connected);

        var needsReconnect = ChannelEvents.needsReconnect(connected, Instant.now());
        ChannelEvents.publish(key, needsReconnect);
        // applied through the inbox (not dead-lettered), and the route is untouched
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, needsReconnect.getEventId()) == 1);
        assertThat(router.route("INSTAGRAM", connected.getExternalId())).map(ChannelRoute::channelId)
                .contains(connected.getChannelId());
    }

    @Test
    void whatsappRoutesByPhoneNumberIdThenDisplayNumberThenAccount() {
        UUID business = UUID.randomUUID();
        String phoneNumberId = externalId();
        String waba = "waba-" + externalId();
        String display = "1555" + externalId().substring(0, 7);
        ChannelConnected connected = ChannelEvents.connected(business, UUID.randomUUID(), "WHATSAPP", phoneNumberId,
                waba, "+" + display.substring(0, 1) + " " + display.substring(1), Instant.now());
        ChannelEvents.publish(connected.getChannelId().toString(), connected);
        awaitRoute(connected);

        assertThat(router.routeWhatsApp(phoneNumberId, null, null)).map(ChannelRoute::matchedBy)
                .contains("external_id");
        assertThat(router.routeWhatsApp("unknown", display, null)).map(ChannelRoute::matchedBy)
                .contains("display_phone_number");
        assertThat(router.routeWhatsApp("unknown", "19999999999", waba)).map(ChannelRoute::matchedBy)
                .contains("waba_id");
        assertThat(router.routeWhatsApp("unknown", "19999999999", "unknown")).isEmpty();
        assertThat(router.routeWhatsApp(phoneNumberId, null, null)).map(ChannelRoute::businessId).contains(business);
    }

    @Test
    void routesAreOnlyVisibleToTheirOwnBusinessOutsideTheLookup() {
        UUID owner = UUID.randomUUID();
        ChannelConnected connected = ChannelEvents.connected(owner, "INSTAGRAM", externalId());
        ChannelEvents.publish(connected.getChannelId().toString(), connected);
        awaitRoute(connected);

        assertThat(routes(UUID.randomUUID(), connected.getChannelId())).isZero();
        assertThat(routes(owner, connected.getChannelId())).isEqualTo(1);
    }

    private void awaitRoute(ChannelConnected connected) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> routes(connected.getBusinessId(), connected.getChannelId()) == 1);
    }

    private int routes(UUID business, UUID channelId) {
        return Optional.ofNullable(TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM channel_routes WHERE channel_id = ?", Integer.class, channelId))).orElse(0);
    }

    private static String externalId() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L) + 1_000_000_000_000L);
    }
}
