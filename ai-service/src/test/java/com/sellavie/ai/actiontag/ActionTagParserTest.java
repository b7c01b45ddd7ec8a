package com.sellavie.ai.actiontag;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ai.actiontag.Action.Checkout;
import com.sellavie.ai.actiontag.Action.Handoff;
import com.sellavie.ai.actiontag.DroppedTag.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTagParserTest {

    private static final List<String> CATALOG = List.of("LINEN-SHIRT-M", "TOTE-01");

    @Test
    void stripsActionTagsFromCustomerText() {
        ParsedReply reply = parse("Let me get a colleague for you. [[HANDOFF reason=\"customer asked for a person\"]]");

        assertThat(reply.text()).isEqualTo("Let me get a colleague for you.");
        assertThat(reply.actions()).containsExactly(new Handoff("customer asked for a person"));
        assertThat(reply.dropped()).isEmpty();
    }

    @Test
    void readsQuotedValuesWithSpacesAndEscapedQuotes() {
        ParsedReply reply = parse("Ok [[HANDOFF reason=\"wants the \\\"gold\\\" plan, asks for Ana\"]]");

        assertThat(reply.actions()).containsExactly(new Handoff("wants the \"gold\" plan, asks for Ana"));
        assertThat(reply.text()).isEqualTo("Ok");
    }

    @Test
    void readsUnquotedAndQuotedParametersAlike() {
        ParsedReply reply = parse("Here you go [[CHECKOUT sku=TOTE-01 qty=2]] [[CHECKOUT sku=\"LINEN-SHIRT-M\"]]");

        assertThat(reply.actions()).containsExactly(new Checkout(List.of(
                new Checkout.Item("TOTE-01", 2), new Checkout.Item("LINEN-SHIRT-M", 1))));
        assertThat(reply.text()).isEqualTo("Here you go");
    }

    @Test
    void repeatedCheckoutTagsBecomeOneCheckoutWithQuantitiesAddedPerSku() {
        ParsedReply reply = parse("Done! [[CHECKOUT sku=TOTE-01 qty=1]][[CHECKOUT sku=LINEN-SHIRT-M qty=3]]"
                + "[[CHECKOUT sku=tote-01 qty=2]]");

        assertThat(reply.actions()).containsExactly(new Checkout(List.of(
                new Checkout.Item("TOTE-01", 3), new Checkout.Item("LINEN-SHIRT-M", 3))));
    }

    @Test
    void quantityDefaultsToOne() {
        assertThat(parse("[[CHECKOUT sku=TOTE-01]]").actions())
                .containsExactly(new Checkout(List.of(new Checkout.Item("TOTE-01", 1))));
    }

    @Test
    void dropsCheckoutForUnknownSku() {
        ParsedReply reply = parse("Sure! [[CHECKOUT sku=GOLD-WATCH qty=1]]");

        assertThat(reply.actions()).isEmpty();
        assertThat(reply.dropped()).containsExactly(new DroppedTag("CHECKOUT", Reason.UNKNOWN_SKU));
        assertThat(reply.text()).isEqualTo("Sure!");
    }

    @Test
    void dropsCheckoutWhoseQuantityIsNotAPositiveWholeNumber() {
        for (String qty : List.of("0", "-1", "1.5", "two", "\"\"", "99999999999")) {
            ParsedReply reply = parse("[[CHECKOUT sku=TOTE-01 qty=" + qty + "]]");

            assertThat(reply.actions()).as("qty=%s", qty).isEmpty();
            assertThat(reply.dropped()).as("qty=%s", qty).hasSize(1);
            assertThat(reply.text()).isEmpty();
        }
    }

    @Test
    void dropsCheckoutWithoutSkuOrWithUnexpectedParameters() {
        assertThat(parse("[[CHECKOUT qty=1]]").dropped())
                .containsExactly(new DroppedTag("CHECKOUT", Reason.INVALID_PARAMETERS));
        assertThat(parse("[[CHECKOUT sku=TOTE-01 price=5]]").dropped())
                .containsExactly(new DroppedTag("CHECKOUT", Reason.INVALID_PARAMETERS));
        assertThat(parse("[[CHECKOUT sku=TOTE-01 sku=LINEN-SHIRT-M]]").dropped())
                .containsExactly(new DroppedTag("CHECKOUT", Reason.INVALID_PARAMETERS));
    }

    @Test
    void malformedTagsAreStrippedButNotExecuted() {
        ParsedReply reply = parse("A [[HANDOFF reason=\"unterminated]] B [[checkout sku=TOTE-01]] C "
                + "[[CHECKOUT sku=TOTE-01 qty]] D [[]] E [[HANDOFF reason=a [[HANDOFF]] ]] F");

        assertThat(reply.actions()).isEmpty();
        assertThat(reply.dropped()).extracting(DroppedTag::reason).containsOnly(Reason.MALFORMED).hasSize(5);
        assertThat(reply.text()).isEqualTo("A B C D E F").doesNotContain("[[", "]]");
    }

    @Test
    void unclosedTagAtTheEndIsStrippedToTheEnd() {
        ParsedReply reply = parse("Your order is ready. [[CHECKOUT sku=TOTE-01 qt");

        assertThat(reply.text()).isEqualTo("Your order is ready.");
        assertThat(reply.actions()).isEmpty();
        assertThat(reply.dropped()).containsExactly(new DroppedTag("?", Reason.MALFORMED));
    }

    @Test
    void dropsTagsOfUnknownNames() {
        ParsedReply reply = parse("Hi [[REFUND order=42]]");

        assertThat(reply.actions()).isEmpty();
        assertThat(reply.dropped()).containsExactly(new DroppedTag("REFUND", Reason.UNKNOWN_NAME));
        assertThat(reply.text()).isEqualTo("Hi");
    }

    @Test
    void readsInvoiceAndPaymentStatusInOrderOfAppearance() {
        ParsedReply reply = parse("[[PAYMENT_STATUS order=ord_9]] Checking. [[INVOICE order=\"ord 7\"]] "
                + "[[HANDOFF]]");

        assertThat(reply.actions()).containsExactly(new Action.PaymentStatus("ord_9"), new Action.Invoice("ord 7"),
                new Handoff("unspecified"));
        assertThat(reply.text()).isEqualTo("Checking.");
    }

    @Test
    void aRepeatedHandoffIsOneAction() {
        assertThat(parse("[[HANDOFF reason=a]] [[HANDOFF reason=b]]").actions()).containsExactly(new Handoff("a"));
    }

    @Test
    void tagsInTheMiddleOfTheTextAreStrippedToo() {
        ParsedReply reply = parse("Line one [[HANDOFF reason=x]]\n\n\n\nLine two ]] end");

        assertThat(reply.text()).isEqualTo("Line one\n\nLine two end");
    }

    @Test
    void textWithoutTagsIsUnchanged() {
        ParsedReply reply = parse("Yes, the linen shirt is available for 25.00 USD. Would you like it?");

        assertThat(reply.text()).isEqualTo("Yes, the linen shirt is available for 25.00 USD. Would you like it?");
        assertThat(reply.actions()).isEmpty();
        assertThat(reply.dropped()).isEmpty();
    }

    private static ParsedReply parse(String modelOutput) {
        return ActionTagParser.parse(modelOutput, CATALOG);
    }

    @Test
    void lookAlikeTagsInTheModelsTextAreCutOutNotHonoured() {
        ParsedReply reply = parse("Special deal! ［［CHECKOUT sku=TOTE-01 qty=5］］ and ⟦HANDOFF⟧ done");

        assertThat(reply.text()).isEqualTo("Special deal! and done");
        assertThat(reply.actions()).isEmpty();
        assertThat(reply.dropped()).extracting(DroppedTag::reason).containsExactly(Reason.LOOK_ALIKE, Reason.LOOK_ALIKE);
    }

    @Test
    void zeroWidthSplitTagsInTheModelsTextAreCutOutNotEchoed() {
        ParsedReply reply = parse("Sure [\u200B[CHECKOUT sku=TOTE-01 qty=5]\u200B] and [ [HANDOFF] ] ok");

        assertThat(reply.text()).isEqualTo("Sure and ok");
        assertThat(reply.actions()).isEmpty();
    }

    @Test
    void aLookAlikeTagLeftOpenIsCutToTheEnd() {
        ParsedReply reply = parse("Thanks! ［［CHECKOUT sku=TOTE-01");

        assertThat(reply.text()).isEqualTo("Thanks!");
        assertThat(reply.dropped()).extracting(DroppedTag::reason).containsExactly(Reason.LOOK_ALIKE);
    }

    @Test
    void aPlainTagNameSplitByAnInvisibleCharacterIsDropped() {
        ParsedReply reply = parse("Ok [[CHECK\u200BOUT sku=TOTE-01]]");

        assertThat(reply.text()).isEqualTo("Ok");
        assertThat(reply.actions()).isEmpty();
    }

    @Test
    void emojiAndSingleBracketsOfTheModelAreKept() {
        ParsedReply reply = parse("Size [M] is here 👩‍👩‍👧 【New】");

        assertThat(reply.text()).isEqualTo("Size [M] is here 👩‍👩‍👧 【New】");
        assertThat(reply.dropped()).isEmpty();
    }

    @Test
    void aQuantityAboveTheBoundIsDroppedEvenWhenAddedUp() {
        assertThat(parse("[[CHECKOUT sku=TOTE-01 qty=99]]").actions())
                .containsExactly(new Checkout(List.of(new Checkout.Item("TOTE-01", 99))));
        assertThat(parse("[[CHECKOUT sku=TOTE-01 qty=100]]").dropped())
                .containsExactly(new DroppedTag("CHECKOUT", Reason.INVALID_QUANTITY));
        ParsedReply added = parse("[[CHECKOUT sku=TOTE-01 qty=60]] [[CHECKOUT sku=TOTE-01 qty=60]]");
        assertThat(added.actions()).containsExactly(new Checkout(List.of(new Checkout.Item("TOTE-01", 60))));
        assertThat(added.dropped()).containsExactly(new DroppedTag("CHECKOUT", Reason.INVALID_QUANTITY));
    }
}
