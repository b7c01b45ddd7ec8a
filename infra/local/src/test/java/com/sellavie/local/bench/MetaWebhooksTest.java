package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MetaWebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BenchShop shop = BenchShop.numbered(3, "81234");

    @Test
    void instagramAndMessengerDmsGoToTheShopsAccountFromTheCustomer() throws Exception {
        JsonNode instagram = JSON.readTree(MetaWebhooks.dm("INSTAGRAM", shop, "1200000001", "x1", "Hi", 1_000));
        JsonNode messenger = JSON.readTree(MetaWebhooks.dm("MESSENGER", shop, "1200000002", "x2", "Hi", 1_000));

        assertThat(instagram.path("object").asText()).isEqualTo("instagram");
        assertThat(instagram.at("/entry/0/id").asText()).isEqualTo(shop.instagramId());
        assertThat(instagram.at("/entry/0/messaging/0/sender/id").asText()).isEqualTo("1200000001");
        assertThat(messenger.path("object").asText()).isEqualTo("page");
        assertThat(messenger.at("/entry/0/messaging/0/recipient/id").asText()).isEqualTo(shop.pageId());
    }

    @Test
    void aWhatsAppDmNamesTheShopsNumberAndTheCustomersWaId() throws Exception {
        JsonNode whatsapp = JSON.readTree(MetaWebhooks.dm("WHATSAPP", shop, "1200000003", "x3", "Hi", 1_764_590_000_123L));

        assertThat(whatsapp.path("object").asText()).isEqualTo("whatsapp_business_account");
        assertThat(whatsapp.at("/entry/0/changes/0/value/metadata/phone_number_id").asText())
                .isEqualTo(shop.phoneNumberId());
        assertThat(whatsapp.at("/entry/0/changes/0/value/messages/0/from").asText()).isEqualTo("1200000003");
        assertThat(whatsapp.at("/entry/0/changes/0/value/messages/0/timestamp").asText()).isEqualTo("1764590000");
    }
}
