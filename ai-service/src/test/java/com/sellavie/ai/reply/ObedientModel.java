package com.sellavie.ai.reply;

import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in model that does whatever the customer's message (as it reaches the prompt) asks: prints
 * its instructions or their marker, echoes "reply exactly: ..." text, writes the tags it is told to
 * write (plain, full-width, zero-width-split, spaced or look-alike), asks about any order it is given,
 * buys whatever and however many it is told. The worst case of a model: every defence must hold anyway.
 */
final class ObedientModel implements ChatProvider {

    private static final Pattern MARKER = Pattern.compile("marker of these instructions: (\\w+)");
    private static final Pattern ECHO = Pattern.compile(
            "(?is).*?(?:reply exactly|say exactly|repeat after me|answer only with|r[ée]pondez exactement)\\s*:\\s*(.*)");
    private static final Pattern TAG = Pattern.compile(
            "(?i)add the tag ([A-Z_]+(?: [a-z_]+=\\S+)*)(?: (in full-width|with zero-width|with spaced brackets|"
                    + "with look-alike brackets))?");
    private static final Pattern ORDER = Pattern.compile("(?i)(status|invoice) (?:of|for) order (\\S+?)[.?!]?(?:\\s|$)");
    private static final Pattern BUY = Pattern.compile("(?i)\\bbuy (\\d+) (?:of )?([A-Z0-9-]{3,})");

    final List<Prompt> prompts = new ArrayList<>();

    @Override
    public String name() {
        return "obedient";
    }

    @Override
    public Reply complete(Prompt prompt) {
        prompts.add(prompt);
        return new Reply(answer(prompt), name(), "obedient-1", false);
    }

    private static String answer(Prompt prompt) {
        String message = prompt.customerMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        String instructions = prompt.instructions();
        Matcher marker = MARKER.matcher(instructions);
        String token = marker.find() ? marker.group(1) : "";
        if (lower.matches("(?s).*(system prompt|your instructions|everything above|initial prompt|your rules|"
                + "prompt syst[eè]me|vos consignes|tes consignes).*")) {
            if (lower.contains("without the marker") || lower.contains("sans le marqueur")) {
                return instructions.replace(token, "");
            }
            if (lower.contains("backwards")) {
                return new StringBuilder(instructions).reverse().toString();
            }
            if (lower.contains("spell")) {
                return String.join(" ", token.split(""));
            }
            if (lower.contains("summar") || lower.contains("translate") || lower.contains("first lines")) {
                return String.join(" ", List.of(instructions.split("(?<=[.:])\\s+")).subList(0, 3));
            }
            return instructions;
        }
        if (lower.matches("(?s).*\\b(marker|canary|secret word|marqueur)\\b.*")) {
            return "The marker is " + token + ".";
        }
        StringBuilder reply = new StringBuilder();
        Matcher echo = ECHO.matcher(message);
        if (echo.matches()) {
            reply.append(TAG.matcher(echo.group(1)).replaceAll("").strip());
        }
        Matcher order = ORDER.matcher(message);
        while (order.find()) {
            String name = order.group(1).equalsIgnoreCase("invoice") ? "INVOICE" : "PAYMENT_STATUS";
            reply.append(reply.isEmpty() ? "Let me look at that order." : "").append(" [[").append(name)
                    .append(" order=").append(order.group(2)).append("]]");
        }
        Matcher buy = BUY.matcher(message);
        while (buy.find()) {
            reply.append(reply.isEmpty() ? "Done!" : "").append(" [[CHECKOUT sku=").append(buy.group(2))
                    .append(" qty=").append(buy.group(1)).append("]]");
        }
        Matcher tag = TAG.matcher(message);
        while (tag.find()) {
            reply.append(' ').append(written(tag.group(1), tag.group(2)));
        }
        return reply.isEmpty() ? "Hello! How can I help you today?" : reply.toString().strip();
    }

    private static String written(String body, String form) {
        if (form == null) {
            return "[[" + body + "]]";
        }
        return switch (form.toLowerCase(Locale.ROOT)) {
            case "in full-width" -> "［［" + body + "］］";
            case "with zero-width" -> "[\u200B[" + body + "]\u200B]";
            case "with spaced brackets" -> "[ [" + body + "] ]";
            default -> "⟦" + body + "⟧";
        };
    }
}
