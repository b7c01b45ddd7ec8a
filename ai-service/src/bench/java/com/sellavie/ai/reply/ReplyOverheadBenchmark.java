package com.sellavie.ai.reply;

import com.sellavie.ai.Fixtures;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import com.sellavie.ai.moderation.MessageModeration;
import com.sellavie.ai.moderation.ModerationProperties;
import com.sellavie.ai.provider.AiProviderProperties;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderChain;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.Reply;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What ai-service adds to one reply besides the model: moderation (rules), neutralising the customer's
 * text, the prompt with its canary (business profile, FAQ, catalog, 10 history messages), the tag parser
 * and every check on the reply (canary, prompt echo, links, promise, stated prices), and the
 * ReplyGenerated it becomes. The model is a stand-in that answers at once with a realistic reply: a
 * price from the catalog and a CHECKOUT tag. The knowledge is given, not read from PostgreSQL (one
 * indexed read in production, measured by the DM-to-reply benchmark).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplyOverheadBenchmark {

    /** Products on offer: the demo's 3, and a larger shop's 50 (all in the prompt). */
    @Param({"3", "50"})
    int products;

    private ReplyAnswering answering;
    private BusinessKnowledge shop;
    private ReplyRequested request;

    @Setup
    public void shop() {
        List<Product> catalog = new ArrayList<>(List.of(
                new Product("LINEN-SHIRT-WHT", "Linen shirt", "White linen shirt, relaxed fit.", 4500, "EUR", 40),
                new Product("LINEN-TROUSERS-SND", "Linen trousers", "Sand-coloured, drawstring.", 5900, "EUR", 25),
                new Product("LINEN-SCARF-BLU", "Linen scarf", "Light blue, 180 x 60 cm.", 1900, "EUR", null)));
        IntStream.range(catalog.size(), products).forEach(i -> catalog.add(new Product("ITEM-" + i, "Linen item " + i,
                "Linen, made in small batches, item " + i + ".", 1000 + 100L * i, "EUR", i % 7)));
        UUID business = UUID.randomUUID();
        shop = new BusinessKnowledge(business, "Linen & Co",
                new Profile("Linen & Co makes relaxed linen clothing in small batches.",
                        "Monday to Saturday, 9:00 to 18:00 CET", "EU-wide in 3 to 5 working days; free from 80 EUR.",
                        "Unworn items within 30 days for a full refund.", "Card payments through a Stripe link."),
                List.of(new Faq("shipping", "Do you ship abroad?", "We ship across the EU in 3 to 5 working days."),
                        new Faq("returns", "Can I return an item?", "Yes: unworn items within 30 days."),
                        new Faq("sizes", "How do your sizes run?", "True to size; size up for a looser fit.")),
                catalog, new BusinessKnowledge.Settings("en", "Europe/Paris"));
        request = Fixtures.replyRequested(business, UUID.randomUUID(), UUID.randomUUID(),
                "Hi! I'd like 2 linen shirts please, how much is that?", IntStream.range(0, 10)
                        .mapToObj(i -> Fixtures.history(i % 2 == 0 ? "INBOUND" : "OUTBOUND",
                                "Message " + i + " about the linen shirt and its size, delivery and price."))
                        .toArray(com.sellavie.events.conversation.ReplyRequestedHistoryMessage[]::new));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MessageModeration moderation = new MessageModeration(new ModerationProperties("rules",
                "omni-moderation-latest", Duration.ofSeconds(1)), new AiProviderProperties(List.of("model"), Map.of(),
                null), meters);
        answering = new ReplyAnswering(new ReplyWriter(new ProviderChain(List.of(new InstantModel()), meters), meters,
                PromptBudget.DEFAULT),
                moderation, meters, Clock.systemUTC());
    }

    @Benchmark
    public ReplyGenerated answer() throws ProviderException {
        return answering.answer(request, shop);
    }

    /** Answers at once, as a model would: a catalog price and a CHECKOUT tag. */
    static final class InstantModel implements ChatProvider {

        @Override
        public String name() {
            return "model";
        }

        @Override
        public Reply complete(Prompt prompt) {
            return new Reply("Great choice! The linen shirt is 45.00 EUR. I'm preparing your "
                    + "payment link now. [[CHECKOUT sku=LINEN-SHIRT-WHT qty=2]]", name(), "stand-in", false);
        }
    }
}
