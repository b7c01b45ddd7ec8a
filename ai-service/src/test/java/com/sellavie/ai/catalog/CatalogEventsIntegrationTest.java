package com.sellavie.ai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.events.ai.CheckoutAction;
import com.sellavie.events.ai.CheckoutActionItem;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * commerce.catalog in (real ProductUpserted / ProductRemoved through the broker and registry), the
 * assistant's catalog out: what replies offer and which skus a CHECKOUT may name.
 */
// On a port like the API tests, so it shares their application context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class CatalogEventsIntegrationTest {

    private static final Product SHIRT = new Product("LINEN-SHIRT-M", "Linen Shirt", "White, size M", 2500, "USD",
            null);
    private static final Product TOTE = new Product("TOTE-01", "Canvas Tote", null, 1250, "USD", 5);

    @Autowired
    Catalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void upsertedProductsAreOfferedAndCheckedOutWhileInactiveOnesAreNot() {
        // Given commerce published an active shirt and an inactive tote for a business
        UUID business = UUID.randomUUID();
        ProductUpserted shirt = Fixtures.productUpserted(business, UUID.randomUUID(), SHIRT, true, Instant.now());
        ProductUpserted tote = Fixtures.productUpserted(business, UUID.randomUUID(), TOTE, false, Instant.now());
        publish(shirt);
        publish(tote);
        awaitApplied(shirt.getEventId());
        awaitApplied(tote.getEventId());

        // When customers want to buy each of them
        ReplyRequested shirts = Fixtures.replyRequested(business, UUID.randomUUID(), "I'd like 2 linen shirts");
        ReplyRequested totes = Fixtures.replyRequested(business, UUID.randomUUID(), "I want to buy the canvas tote");
        EventRecords.publish(shirts, shirts.getConversationId().toString(), 1);
        EventRecords.publish(totes, totes.getConversationId().toString(), 1);

        // Then the shirt is checked out (the link promised, not given) and the inactive tote is not offered at all
        ReplyGenerated shirtReply = awaitReply(shirts);
        assertThat(shirtReply.getActions()).containsExactly(
                new CheckoutAction(List.of(new CheckoutActionItem("LINEN-SHIRT-M", 2))));
        assertThat(shirtReply.getText()).isEqualTo("Great choice! I'm preparing your payment link for 2 x Linen Shirt "
                + "now; it will arrive in this chat in a moment.");
        assertThat(awaitReply(totes).getActions()).isEmpty();
        assertThat(offered(business)).containsExactly(SHIRT);
    }

    @Test
    void theSameRecordDeliveredTwiceIsAppliedOnce() {
        UUID business = UUID.randomUUID();
        ProductUpserted upserted = Fixtures.productUpserted(business, UUID.randomUUID(), SHIRT, true, Instant.now());

        EventRecords.publish(upserted, upserted.getProductId().toString(), 2);
        // a later event on the same key (same partition) is applied only after both deliveries were seen
        ProductUpserted later = Fixtures.productUpserted(business, upserted.getProductId(), SHIRT, true,
                Instant.now().plusSeconds(1));
        publish(later);
        awaitApplied(later.getEventId());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class,
                upserted.getEventId())).isEqualTo(1);
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM catalog_products WHERE business_id = ?", Integer.class, business))).isEqualTo(1);
        assertThat(offered(business)).containsExactly(SHIRT);
    }

    @Test
    void anOlderUpsertArrivingLateNeverRollsAProductBack() {
        // Given a product whose current price is 30.00, then removed
        UUID business = UUID.randomUUID();
        UUID shirtId = UUID.randomUUID();
        UUID toteId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Product repriced = new Product(SHIRT.sku(), SHIRT.name(), SHIRT.description(), 3000, "USD", null);
        publish(Fixtures.productUpserted(business, shirtId, repriced, true, now));
        publish(Fixtures.productUpserted(business, toteId, TOTE, true, now));
        publish(Fixtures.productRemoved(business, toteId, TOTE.sku(), now.plusSeconds(1)));

        // When older states of both arrive late (a replay, or a retry overtaking nothing)
        ProductUpserted oldShirt = Fixtures.productUpserted(business, shirtId, SHIRT, true, now.minusSeconds(60));
        ProductUpserted oldTote = Fixtures.productUpserted(business, toteId, TOTE, true, now.minusSeconds(60));
        publish(oldShirt);
        publish(oldTote);
        awaitApplied(oldShirt.getEventId());
        awaitApplied(oldTote.getEventId());

        // Then the shirt keeps its latest price and the removed tote stays removed
        assertThat(offered(business)).containsExactly(repriced);
    }

    @Test
    void aRemovedProductIsNoLongerOfferedNorCheckedOut() {
        UUID business = UUID.randomUUID();
        UUID shirtId = UUID.randomUUID();
        publish(Fixtures.productUpserted(business, shirtId, SHIRT, true, Instant.now().minusSeconds(5)));
        ProductRemoved removed = Fixtures.productRemoved(business, shirtId, SHIRT.sku(), Instant.now());
        publish(removed);
        awaitApplied(removed.getEventId());

        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), "I want to buy the linen shirt");
        EventRecords.publish(request, request.getConversationId().toString(), 1);

        assertThat(awaitReply(request).getActions()).isEmpty();
        assertThat(offered(business)).isEmpty();
    }

    @Test
    void anotherBusinesssCatalogNeverReachesThisBusinesssContext() {
        // Given business B sells a tote, business A only a shirt
        UUID businessA = UUID.randomUUID();
        UUID businessB = UUID.randomUUID();
        publish(Fixtures.productUpserted(businessA, UUID.randomUUID(), SHIRT, true, Instant.now()));
        ProductUpserted toteOfB = Fixtures.productUpserted(businessB, UUID.randomUUID(), TOTE, true, Instant.now());
        publish(toteOfB);
        awaitApplied(toteOfB.getEventId());
        await().atMost(Duration.ofSeconds(30)).until(() -> !offered(businessA).isEmpty());

        // When A's customer asks for B's product, by name and by sku
        ReplyRequested request = Fixtures.replyRequested(businessA, UUID.randomUUID(), "I want to buy 2 TOTE-01");
        EventRecords.publish(request, request.getConversationId().toString(), 1);

        // Then A's context has only A's product, no checkout names B's sku, and A cannot read B's rows
        assertThat(offered(businessA)).containsExactly(SHIRT);
        assertThat(awaitReply(request).getActions()).isEmpty();
        assertThat(TenantContext.callAs(businessA, () -> catalog.offered(businessB))).isEmpty();
    }

    @Test
    void anEventWhoseHeaderNamesAnotherTenantIsDeadLetteredAndNotApplied() {
        UUID business = UUID.randomUUID();
        ProductUpserted upserted = Fixtures.productUpserted(business, UUID.randomUUID(), SHIRT, true, Instant.now());

        EventRecords.publish(upserted, upserted.getProductId().toString(), 1, UUID.randomUUID().toString());

        EventRecords.awaitRecords(Topics.COMMERCE_CATALOG.deadLetterTopic(), ProductUpserted.class,
                e -> e.getEventId().equals(upserted.getEventId()), found -> !found.isEmpty());
        assertThat(offered(business)).isEmpty();
    }

    @Test
    void legacyProductsAreOfferedUntilCommercesCatalogReachesTheBusiness() {
        // Given a business whose products ai-service kept before the move (not handed over yet)
        UUID business = UUID.randomUUID();
        TenantContext.runAs(business, () -> jdbc.update("INSERT INTO legacy_products (business_id, sku, name, "
                + "price_minor, currency, stock) VALUES (?, 'OLD-1', 'Old hat', 900, 'NGN', NULL)", business));
        assertThat(offered(business)).containsExactly(new Product("OLD-1", "Old hat", null, 900, "NGN", null));

        // When commerce's catalog arrives for it
        ProductUpserted upserted = Fixtures.productUpserted(business, UUID.randomUUID(), SHIRT, true, Instant.now());
        publish(upserted);
        awaitApplied(upserted.getEventId());

        // Then only commerce's catalog is offered
        assertThat(offered(business)).containsExactly(SHIRT);
    }

    private List<Product> offered(UUID business) {
        return TenantContext.callAs(business, () -> catalog.offered(business));
    }

    private static void publish(Object event) {
        if (event instanceof ProductUpserted upserted) {
            EventRecords.publish(upserted, upserted.getProductId().toString(), 1);
        } else if (event instanceof ProductRemoved removed) {
            EventRecords.publish(removed, removed.getProductId().toString(), 1);
        }
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, eventId) == 1);
    }

    private static ReplyGenerated awaitReply(ReplyRequested request) {
        return EventRecords.awaitRecords(Topics.AI_REPLIES.name(), ReplyGenerated.class,
                r -> r.getReplyRequestId().equals(request.getEventId()), found -> !found.isEmpty())
                .getFirst().value();
    }
}
