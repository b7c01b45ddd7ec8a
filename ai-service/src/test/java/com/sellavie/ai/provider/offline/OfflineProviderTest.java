package com.sellavie.ai.provider.offline;

import static com.sellavie.ai.Fixtures.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ai.Fixtures;
import com.sellavie.ai.actiontag.Action;
import com.sellavie.ai.actiontag.ActionTagParser;
import com.sellavie.ai.actiontag.ParsedReply;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.Reply;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    void greetsSayingWhatItIsAndWhatItCanAnswerWhenNothingMatches() {
        assertThat(offline.complete(prompt("hello there")).text())
                .isEqualTo("Hi! Thanks for messaging Lagos Linen. I'm its automatic assistant: I can help with our "
                        + "products and prices and delivery, or pass you to a person from the team.");
    }

    @Test
    void theGreetingNamesOnlyWhatTheBusinessHasToldIt() {
        BusinessKnowledge shop = new BusinessKnowledge(UUID.randomUUID(), "Shop",
                new BusinessKnowledge.Profile(null, "Mon-Sat 9-18", null, "14 days.", null),
                List.of(new Faq("Sizes", "What sizes?", "S to XL.")), List.of());

        assertThat(parsed("hi", shop).text()).isEqualTo("Hi! Thanks for messaging Shop. I'm its automatic assistant: "
                + "I can help with returns, opening hours and sizes, or pass you to a person from the team.");
        assertThat(parsed("bonjour", shop).text()).isEqualTo("Bonjour\u00A0! Merci d'avoir écrit à Shop. Je suis son "
                + "assistant automatique\u00A0: je peux vous aider pour les retours, les horaires et sizes, ou vous passer "
                + "une personne de l'équipe.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Do you ship abroad?", "do you do shipping to Abuja", "Is there international shipping?",
            "can you deliver to Ikeja", "Livrez-vous à Cotonou ?", "Vous faites la livraison ?",
            "Do you ship?", "when will it be shipped"})
    void findsTheFaqAnswerWhateverWordTheCustomerChose(String message) {
        assertThat(parsed(message).text()).isEqualTo("We deliver across Lagos in 2 days, 1500 NGN.");
    }

    @Test
    void picksTheFaqEntryThatSharesTheMostWithTheQuestion() {
        BusinessKnowledge shop = new BusinessKnowledge(UUID.randomUUID(), "Shop", List.of(
                new Faq("delivery", "Do you deliver?", "Lagos in 2 days."),
                new Faq("returns", "Can I return an item?", "Within 14 days."),
                new Faq("sizes", "Which sizes do you have?", "S to XL."),
                new Faq("international delivery", "Do you ship abroad?", "Ghana and Benin, 7 days.")), List.of());

        assertThat(parsed("do you ship abroad?", shop).text()).isEqualTo("Ghana and Benin, 7 days.");
        assertThat(parsed("I'd like a refund", shop).text()).isEqualTo("Within 14 days.");
        assertThat(parsed("what size is it", shop).text()).isEqualTo("S to XL.");
        assertThat(parsed("do you deliver to Ikeja?", shop).text()).isEqualTo("Lagos in 2 days.");
        assertThat(parsed("what do you think of the weather", shop).text()).startsWith("Hi! Thanks for messaging Shop.");
    }

    @Test
    void answersAFrenchCustomerInFrench() {
        assertThat(parsed("Bonjour, la linen shirt est disponible ?").text())
                .isEqualTo("Oui, l'article Linen Shirt est disponible à 25.00 USD. Voulez-vous le commander\u00A0?");
        assertThat(parsed("je voudrais parler à un conseiller").text())
                .startsWith("Bien sûr\u00A0! Je vous passe quelqu'un de l'équipe Lagos Linen");
    }

    /** The catalog `./sellavie up` seeds (infra/local DemoBusiness): similar names, one word apart. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I'd like 2 linen shirts                 | LINEN-SHIRT-WHT    | 2",
            "Can I get two linen trousers?           | LINEN-TROUSERS-SND | 2",
            "I want to buy a linen scarf             | LINEN-SCARF-BLU    | 1",
            "Je voudrais commander trois linen shirts | LINEN-SHIRT-WHT    | 3"})
    void aPurchaseFromTheDemoCatalogBecomesAValidCheckout(String message, String sku, int quantity) {
        BusinessKnowledge demo = new BusinessKnowledge(UUID.randomUUID(), "Linen & Co", List.of(), List.of(
                new Product("LINEN-SHIRT-WHT", "Linen shirt", null, 4500, "EUR", 40),
                new Product("LINEN-TROUSERS-SND", "Linen trousers", null, 5900, "EUR", 25),
                new Product("LINEN-SCARF-BLU", "Linen scarf", null, 1900, "EUR", null)));

        ParsedReply reply = parsed(message, demo);

        assertThat(reply.actions()).containsExactly(new Action.Checkout(List.of(new Action.Checkout.Item(sku, quantity))));
        assertThat(reply.dropped()).isEmpty();
    }

    @Test
    void aFrenchPurchaseBecomesACheckoutWithTheQuantityInWords() {
        ParsedReply reply = parsed("Je voudrais acheter deux linen shirts s'il vous plaît");

        assertThat(reply.actions()).containsExactly(
                new Action.Checkout(List.of(new Action.Checkout.Item("LINEN-SHIRT-M", 2))));
        assertThat(reply.text()).isEqualTo("Très bon choix\u00A0! Je prépare votre lien de paiement pour 2 x Linen Shirt\u00A0; "
                + "il arrivera dans cette conversation dans un instant.");
    }

    @Test
    void aProductNamedWithItsFirstWordInThePluralIsFound() {
        BusinessKnowledge atelier = new BusinessKnowledge(UUID.randomUUID(), "Atelier Soie", List.of(), List.of(
                new Product("FOULARD-SOIE", "Foulard en soie", null, 8900, "EUR", 12)));

        ParsedReply reply = parsed("Je voudrais acheter deux foulards en soie", atelier);

        assertThat(reply.actions()).containsExactly(
                new Action.Checkout(List.of(new Action.Checkout.Item("FOULARD-SOIE", 2))));
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "I'd like 2 linen shirts                | LINEN-SHIRT-M | 2",
            "I want to buy the linen shirt          | LINEN-SHIRT-M | 1",
            "can I order 3 LINEN-SHIRT-M            | LINEN-SHIRT-M | 3",
            "I\u2019d like three linen shirts please  | LINEN-SHIRT-M | 3",
            "I want to buy 2 linen shirts           | LINEN-SHIRT-M | 2",
            "I'll take two canvas totes             | TOTE-01       | 2",
            "Please order ten linen shirts for me   | LINEN-SHIRT-M | 10"})
    void aPurchaseIntentNamingAProductAndAQuantityBecomesACheckout(String message, String sku, int quantity) {
        ParsedReply reply = parsed(message);

        assertThat(reply.actions()).containsExactly(
                new Action.Checkout(List.of(new Action.Checkout.Item(sku, quantity))));
    }

    @Test
    void thePurchaseAnswerPromisesTheLinkIsComingNeverThatItIsHere() {
        ParsedReply reply = parsed("I'd like 2 linen shirts");

        assertThat(reply.text()).isEqualTo("Great choice! I'm preparing your payment link for 2 x Linen Shirt now; "
                + "it will arrive in this chat in a moment.");
        assertThat(reply.text()).doesNotContainIgnoringCase("here is");
    }

    @Test
    void digitsInsideASkuAreNotAQuantity() {
        BusinessKnowledge shop = new BusinessKnowledge(UUID.randomUUID(), "Shop", List.of(),
                List.of(new Product("LS-12", "Linen shirt", null, 2500, "USD", null)));

        ParsedReply reply = parsed("can I order LS-12", shop);

        assertThat(reply.actions()).containsExactly(new Action.Checkout(List.of(new Action.Checkout.Item("LS-12", 1))));
    }

    @Test
    void wantingToBuyAnOutOfStockProductIsToldSoWithoutACheckout() {
        ParsedReply reply = parsed("I want to buy the silk scarf");

        assertThat(reply.actions()).isEmpty();
        assertThat(reply.text()).isEqualTo("Sorry, the Silk Scarf is out of stock right now.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'd like 150 linen shirts", "I want to buy 2 or 3 linen shirts",
            "I'd like a few linen shirts", "can I order 0 linen shirts", "I want to buy 1.5 linen shirts"})
    void anUnclearOrTooLargeQuantityIsAskedForWithoutACheckout(String message) {
        ParsedReply reply = parsed(message);

        assertThat(reply.actions()).isEmpty();
        assertThat(reply.text()).isEqualTo("How many Linen Shirt would you like? Please send a number from 1 to 99.");
    }

    @Test
    void moreThanTheStockIsNotCheckedOut() {
        ParsedReply reply = parsed("I'd like 6 canvas totes");

        assertThat(reply.actions()).isEmpty();
        assertThat(reply.text()).isEqualTo("We only have 5 x Canvas Tote left. How many would you like?");
    }

    @Test
    void onlyAskingAboutAProductIsNoPurchase() {
        ParsedReply reply = parsed("I'd like to know the price of the linen shirt");

        assertThat(reply.actions()).isEmpty();
        assertThat(reply.text()).isEqualTo("Yes, the Linen Shirt is available for 25.00 USD. Would you like to order it?");
    }

    @Test
    void answersFromTheBusinessProfile() {
        BusinessKnowledge shop = new BusinessKnowledge(UUID.randomUUID(), "Shop",
                new BusinessKnowledge.Profile("Linen from Lagos.", "Mon-Sat 9-18", null, "14 days.", "cards, transfer"),
                List.of(), List.of());

        assertThat(parsed("when are you open?", shop).text()).isEqualTo("Our opening hours: Mon-Sat 9-18");
        assertThat(parsed("can I get a refund?", shop).text()).isEqualTo("14 days.");
        assertThat(parsed("how can I pay?", shop).text()).isEqualTo("You can pay with: cards, transfer");
    }

    @Test
    void pricesAreShownWithTheCurrencysOwnDigits() {
        BusinessKnowledge shop = new BusinessKnowledge(UUID.randomUUID(), "Shop", List.of(), List.of(
                new Product("A", "Yen fan", null, 1500, "JPY", null),
                new Product("B", "Dinar lamp", null, 1500, "KWD", null)));

        assertThat(parsed("is the yen fan available?", shop).text()).contains("1500 JPY");
        assertThat(parsed("is the dinar lamp available?", shop).text()).contains("1.500 KWD");
    }

    @Test
    void worksWithAnEmptySeed() {
        Prompt prompt = new Prompt("-", List.of(), "is the shirt available?",
                new BusinessKnowledge(UUID.randomUUID(), BusinessKnowledge.UNKNOWN_NAME, List.of(), List.of()));

        assertThat(offline.complete(prompt).text()).isEqualTo("Hi! Thanks for messaging our shop. I'm its automatic "
                + "assistant: I can pass your message to a person from the team.");
    }

    private ParsedReply parsed(String message) {
        return parsed(message, Fixtures.shop(UUID.randomUUID()));
    }

    private ParsedReply parsed(String message, BusinessKnowledge shop) {
        return ActionTagParser.parse(offline.complete(new Prompt("-", List.of(), message, shop)).text(), shop.skus());
    }
}
