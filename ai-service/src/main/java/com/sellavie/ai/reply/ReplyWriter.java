package com.sellavie.ai.reply;

import com.sellavie.ai.actiontag.Action;
import com.sellavie.ai.actiontag.ActionTagParser;
import com.sellavie.ai.actiontag.CustomerTextNeutraliser;
import com.sellavie.ai.actiontag.ParsedReply;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderChain;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.Reply;
import com.sellavie.ai.provider.TokenUsage;
import com.sellavie.ai.safety.PromptCanary;
import com.sellavie.ai.safety.PromptEcho;
import com.sellavie.ai.safety.ReplyLinks;
import com.sellavie.ai.safety.SafeReplies;
import com.sellavie.ai.safety.StatedPrices;
import com.sellavie.events.conversation.ReplyRequested;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Prompt (with a fresh canary), model, tags, and the checks on what the model wrote before anyone
 * reads it: a reply carrying the canary or a sentence of the instructions is withheld (a safe reply
 * instead, no action); links the merchant never wrote are removed; a text promising a link whose
 * CHECKOUT was dropped is replaced; a price that is not the catalog's makes the model write again once,
 * then the catalog's own prices replace the text. Every defence that acted is logged (WARN, with the
 * request's ids, never the texts) and counted ({@code sellavie.ai.safety.*}).
 */
@Component
@EnableConfigurationProperties(PromptBudget.class)
class ReplyWriter {

    private static final Logger log = LoggerFactory.getLogger(ReplyWriter.class);
    private static final Pattern LINK_PROMISE = Pattern.compile("(?i)here(?: is|'s) your (?:payment )?link"
            + "|your payment link (?:is|:)|payment link for|preparing your payment link|pay here"
            + "|voici (?:votre|ton) lien|lien de paiement (?:est|:|pour)|je pr[ée]pare (?:votre|ton) lien|payez ici");

    private final ProviderChain providers;
    private final MeterRegistry meters;
    private final PromptBudget budget;

    ReplyWriter(ProviderChain providers, MeterRegistry meters, PromptBudget budget) {
        this.providers = providers;
        this.meters = meters;
        this.budget = budget;
    }

    /**
     * The model's reply as the customer may read it, the actions it may trigger, and the tokens every
     * call took (a reply written again counts both).
     */
    record Written(Reply reply, ParsedReply parsed, List<String> defences, TokenUsage usage) {
    }

    Written write(ReplyRequested request, BusinessKnowledge context) throws ProviderException {
        return write(request, context, ReplyOptions.DEPLOYMENT);
    }

    /** With the business's chain, tone and language ({@link ReplyOptions}). */
    Written write(ReplyRequested request, BusinessKnowledge context, ReplyOptions options) throws ProviderException {
        ProviderChain providers = options.chain() != null ? options.chain() : this.providers;
        List<String> defences = new ArrayList<>();
        CustomerTextNeutraliser.inspect(request.getTriggerText()).tricks().forEach(trick -> {
            defences.add("customer text neutralised: " + trick);
            meters.counter("sellavie.ai.safety.neutralised", "trick", trick.name()).increment();
        });
        if (CustomerTextNeutraliser.neutralise(request.getTriggerText()).length() > PromptBuilder.MESSAGE_LIMIT) {
            defences.add("customer text cut to " + PromptBuilder.MESSAGE_LIMIT + " characters");
            meters.counter("sellavie.ai.safety.neutralised", "trick", "TOO_LONG").increment();
        }
        PromptCanary canary = PromptCanary.random();
        Prompt prompt = PromptBuilder.build(request, context, canary, options.tone(), options.fixedLanguage(),
                budget);
        Checks checks = new Checks(canary, prompt, options.ownTextsLanguage(request.getTriggerText()));
        Reply reply = providers.complete(prompt);
        TokenUsage usage = reply.usage();
        Draft draft = screen(reply, checks, defences);
        if (!draft.wrongPrices().isEmpty()) {
            Reply again = providers.complete(withCorrection(prompt, draft.wrongPrices()));
            usage = usage.plus(again.usage());
            Draft second = screen(again, checks, defences);
            if (second.wrongPrices().isEmpty()) {
                defences.add("price not the catalog's " + draft.wrongPrices() + ": written again");
                count("price_mismatch", "outcome", "regenerated");
                draft = second;
            } else {
                defences.add("price not the catalog's " + second.wrongPrices() + " twice: catalog prices sent instead");
                count("price_mismatch", "outcome", "replaced");
                List<BusinessKnowledge.Product> offered = prompt.knowledge().products();
                draft = new Draft(again, new ParsedReply(SafeReplies.catalogFacts(checks.language(),
                        StatedPrices.named(second.parsed().text(), offered), offered), second.parsed().actions(),
                        second.parsed().dropped()), List.of());
            }
        }
        if (!defences.isEmpty()) {
            log.warn("Reply to request {} (business {}, conversation {}) screened: {}", request.getEventId(),
                    request.getBusinessId(), request.getConversationId(), String.join("; ", defences));
        }
        return new Written(draft.reply(), draft.parsed(), List.copyOf(defences), usage);
    }

    private Draft screen(Reply reply, Checks checks, List<String> defences) {
        if (checks.canary().leakedIn(reply.text())) {
            return withheld(reply, checks, defences, "canary");
        }
        ParsedReply parsed = ActionTagParser.parse(reply.text(), checks.prompt().knowledge().skus());
        if (checks.echo().echoedIn(parsed.text())) {
            return withheld(reply, checks, defences, "prompt_echo");
        }
        String text = parsed.text();
        ReplyLinks.Result links = ReplyLinks.keepMerchantLinks(text, checks.merchantTexts());
        if (links.removed() > 0) {
            defences.add(links.removed() + " link(s) the merchant never wrote removed");
            count("links_removed", "source", "model");
            text = links.text();
        }
        boolean checkout = parsed.actions().stream().anyMatch(Action.Checkout.class::isInstance);
        boolean checkoutDropped = parsed.dropped().stream().anyMatch(tag -> "CHECKOUT".equals(tag.name()));
        if (!checkout && (checkoutDropped || LINK_PROMISE.matcher(text).find())) {
            defences.add("no CHECKOUT to keep the text's promise of a link: replaced");
            count("promise_replaced", "reason", checkoutDropped ? "checkout_dropped" : "no_checkout");
            text = SafeReplies.orderNotPrepared(checks.language());
        }
        ParsedReply screened = new ParsedReply(text, parsed.actions(), parsed.dropped());
        List<String> wrong = StatedPrices.wrong(text, checks.prompt().knowledge().products(), checks.merchantTexts(),
                parsed.actions());
        return new Draft(reply, screened, wrong);
    }

    private Draft withheld(Reply reply, Checks checks, List<String> defences, String reason) {
        defences.add("withheld (" + reason + "): the reply repeated the system prompt; safe reply, no action");
        count("withheld", "reason", reason);
        return new Draft(reply, new ParsedReply(SafeReplies.withheld(checks.language()), List.of(), List.of()),
                List.of());
    }

    private static Prompt withCorrection(Prompt prompt, List<String> wrong) {
        return new Prompt(prompt.instructions() + "\nYour previous draft stated " + String.join(", ", wrong)
                + ", which is not a catalog price. Write the reply again, with prices exactly as the catalog gives them.",
                prompt.history(), prompt.customerMessage(), prompt.knowledge());
    }

    private void count(String what, String tag, String value) {
        meters.counter("sellavie.ai.safety." + what, tag, value).increment();
    }

    /** What one reply is checked against. */
    private record Checks(PromptCanary canary, Prompt prompt, String language, List<String> merchantTexts,
            PromptEcho echo) {

        Checks(PromptCanary canary, Prompt prompt, String language) {
            this(canary, prompt, language, PromptBuilder.merchantTexts(prompt.knowledge()),
                    PromptEcho.of(prompt.instructions(), PromptBuilder.merchantTexts(prompt.knowledge())));
        }
    }

    /** A screened reply and the prices in it that are not the catalog's. */
    private record Draft(Reply reply, ParsedReply parsed, List<String> wrongPrices) {
    }
}
