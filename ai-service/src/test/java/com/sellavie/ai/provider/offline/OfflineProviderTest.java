package com.sellavie.ai.provider.offline;

import static com.sellavie.ai.Fixtures.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ai.Fixtures;
import com.sellavie.ai.actiontag.Action;
import com.sellavie.ai.actiontag.ActionTagParser;
import com.sellavie.ai.actiontag.ParsedReply;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.Reply;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfflineProviderTest {

    private final OfflineProvider offline = new OfflineProvider();

    @Test
    void sameMessageSameReply() {
        Reply first = offline.complete(prompt("Is the linen shirt available?"));
        Reply second = new OfflineProvider().complete(prompt("Is the linen shirt available?"));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void labelsItsRepliesOffline() {
        Reply reply = offline.complete(prompt("hello"));

        assertThat(reply.providerName()).isEqualTo("offline");
        assertThat(reply.offline()).isTrue();
        assertThat(reply.model()).isNull();
    }

    @Test
    void greetsWithTheBusinessNameWhenNothingMatches() {
        assertThat(offline.complete(prompt("hello there")).text())
                .isEqualTo("Hi! Thanks for messaging Lagos Linen. How can I help you today?");
    }

    @Test
    void answersAvailabilityAndPriceOfANamedProduct() {
        assertThat(parsed("Is the linen shirt available?").text())
                .isEqualTo("Yes, the Linen Shirt is available for 25.00 USD. Would you like to order it?");
    }

    @Test
    void saysWhenANamedProductIsOutOfStock() {
        assertThat(parsed("do you have the silk scarf?").text()).contains("Silk Scarf", "out of stock");
    }

    @Test
    void answersFromTheFaqByTopic() {
        assertThat(parsed("How much is delivery to Ikeja?").text())
                .isEqualTo("We deliver across Lagos in 2 days, 1500 NGN.");
    }

    @Test
    void listsAvailableProductsWhenAskedWhatIsAvailable() {
        assertThat(parsed("what products do you sell?").text())
                .contains("Linen Shirt (25.00 USD)", "Canvas Tote (12.50 USD)").doesNotContain("Silk Scarf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"can I talk to a human?", "Agent please", "I want a real person"})
    void handsOffWhenTheCustomerAsksForAPerson(String message) {
        ParsedReply reply = parsed(message);

        assertThat(reply.actions()).containsExactly(new Action.Handoff("customer asked for a person"));
        assertThat(reply.text()).contains("Lagos Linen team").doesNotContain("[[");
    }

    @Test
    void checksOutASeededProductTheCustomerWantsToBuy() {
        ParsedReply reply = parsed("I want to buy 2 linen shirts");

        assertThat(reply.actions()).containsExactly(
                new Action.Checkout(List.of(new Action.Checkout.Item("LINEN-SHIRT-M", 2))));
        assertThat(reply.text()).isEqualTo("Great choice! Here is your checkout for 2 x Linen Shirt.");
    }

    @Test
    void worksWithAnEmptySeed() {
        Prompt prompt = new Prompt("-", List.of(), "is the shirt available?",
                new BusinessKnowledge(UUID.randomUUID(), BusinessKnowledge.UNKNOWN_NAME, List.of(), List.of()));

        assertThat(offline.complete(prompt).text()).isEqualTo("Hi! Thanks for messaging our shop. How can I help you today?");
    }

    private ParsedReply parsed(String message) {
        return ActionTagParser.parse(offline.complete(prompt(message)).text(),
                Fixtures.shop(UUID.randomUUID()).skus());
    }
}
