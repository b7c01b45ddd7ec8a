package com.sellavie.ai.actiontag;

import com.sellavie.ai.actiontag.DroppedTag.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the action tags at the end of a model's reply ({@code [[NAME key=value key="quoted value"]]},
 * ARCHITECTURE.md "Action tags"), validates them and strips every tag-like text from what the
 * customer sees. Invalid tags are dropped (reported in {@link ParsedReply#dropped()}), never shown
 * and never executed. Only the plain form is honoured: a tag that only reads as one once folded
 * (full-width or look-alike brackets, zero-width characters splitting it) is cut out of the text and
 * dropped ({@link DroppedTag.Reason#LOOK_ALIKE}), never echoed. Only ever given the model's output:
 * customer text goes through {@link CustomerTextNeutraliser} before it reaches a prompt.
 */
public final class ActionTagParser {

    /** Any text between a {@code [[} and the next {@code ]]}: what is stripped, valid or not. */
    private static final Pattern TAG_LIKE = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);
    /** A {@code [[} never closed (a reply cut by the token limit): stripped to the end. */
    private static final Pattern UNCLOSED = Pattern.compile("\\[\\[.*\\z", Pattern.DOTALL);
    private static final Pattern STRAY_CLOSING = Pattern.compile("]]+");
    private static final String VALUE = "(?:\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"|[^\\s\"\\[\\]=]+)";
    private static final Pattern WELL_FORMED = Pattern.compile(
            "\\s*([A-Z][A-Z_]*)((?:\\s+[a-z][a-z_]*=" + VALUE + ")*)\\s*");
    private static final Pattern PARAMETER = Pattern.compile("([a-z][a-z_]*)=(" + VALUE + ")");
    /**
     * The most units of one sku a CHECKOUT may carry from here: a bound on what a model (or a customer
     * steering it) can ask for; commerce's own cap per order line (configurable, lower by default)
     * decides, and tells the customer when it refuses.
     */
    public static final int MAX_QUANTITY = 99;
    private static final Pattern QUANTITY = Pattern.compile("[1-9][0-9]?");

    private ActionTagParser() {
    }

    /**
     * @param modelOutput the provider's text, tags and all
     * @param catalogSkus the skus of the tenant's catalog; a CHECKOUT of any other sku is dropped
     */
    public static ParsedReply parse(String modelOutput, Collection<String> catalogSkus) {
        String output = modelOutput == null ? "" : modelOutput;
        Collector collector = new Collector(catalogSkus);
        Matcher tag = TAG_LIKE.matcher(output);
        StringBuilder text = new StringBuilder();
        while (tag.find()) {
            collector.accept(tag.group(1));
            tag.appendReplacement(text, " ");
        }
        tag.appendTail(text);
        Matcher unclosed = UNCLOSED.matcher(text);
        if (unclosed.find()) {
            collector.dropped.add(new DroppedTag("?", Reason.MALFORMED));
            text.setLength(unclosed.start());
        }
        String customerText = STRAY_CLOSING.matcher(text).replaceAll(" ");
        LookAlikeTags.Stripped stripped = LookAlikeTags.strip(customerText);
        for (int i = 0; i < stripped.spans(); i++) {
            collector.dropped.add(new DroppedTag("?", Reason.LOOK_ALIKE));
        }
        return new ParsedReply(ReplyText.tidy(stripped.text()), collector.actions(), collector.dropped);
    }

    /** Validates tags one by one and merges repeated ones. */
    private static final class Collector {

        private final Map<String, String> skus = new LinkedHashMap<>();
        private final List<Object> ordered = new ArrayList<>();
        private final Map<String, Integer> checkoutLines = new LinkedHashMap<>();
        private final List<DroppedTag> dropped = new ArrayList<>();

        Collector(Collection<String> catalogSkus) {
            catalogSkus.forEach(sku -> skus.putIfAbsent(sku.toLowerCase(Locale.ROOT), sku));
        }

        void accept(String body) {
            Matcher form = WELL_FORMED.matcher(body);
            if (!form.matches()) {
                dropped.add(new DroppedTag(nameOf(body), Reason.MALFORMED));
                return;
            }
            String name = form.group(1);
            Optional<Map<String, String>> parameters = parameters(form.group(2));
            if (parameters.isEmpty()) {
                dropped.add(new DroppedTag(name, Reason.INVALID_PARAMETERS));
                return;
            }
            Map<String, String> params = parameters.get();
            switch (name) {
                case "HANDOFF" -> handoff(params);
                case "CHECKOUT" -> checkout(params);
                case "INVOICE" -> order(name, params).map(Action.Invoice::new).ifPresent(this::add);
                case "PAYMENT_STATUS" -> order(name, params).map(Action.PaymentStatus::new).ifPresent(this::add);
                default -> dropped.add(new DroppedTag(name, Reason.UNKNOWN_NAME));
            }
        }

        private void handoff(Map<String, String> params) {
            if (!only(params, "reason")) {
                dropped.add(new DroppedTag("HANDOFF", Reason.INVALID_PARAMETERS));
                return;
            }
            String reason = params.getOrDefault("reason", "").strip();
            add(new Action.Handoff(reason.isEmpty() ? "unspecified" : reason));
        }

        private void checkout(Map<String, String> params) {
            String sku = params.getOrDefault("sku", "").strip();
            if (!only(params, "sku", "qty") || sku.isEmpty()) {
                dropped.add(new DroppedTag("CHECKOUT", Reason.INVALID_PARAMETERS));
                return;
            }
            String quantity = params.getOrDefault("qty", "1").strip();
            if (!QUANTITY.matcher(quantity).matches()) {
                dropped.add(new DroppedTag("CHECKOUT", Reason.INVALID_QUANTITY));
                return;
            }
            String catalogSku = skus.get(sku.toLowerCase(Locale.ROOT));
            if (catalogSku == null) {
                dropped.add(new DroppedTag("CHECKOUT", Reason.UNKNOWN_SKU));
                return;
            }
            if (checkoutLines.getOrDefault(catalogSku, 0) + Integer.parseInt(quantity) > MAX_QUANTITY) {
                dropped.add(new DroppedTag("CHECKOUT", Reason.INVALID_QUANTITY));
                return;
            }
            if (checkoutLines.isEmpty()) {
                ordered.add(checkoutLines);
            }
            checkoutLines.merge(catalogSku, Integer.parseInt(quantity), Integer::sum);
        }

        private Optional<String> order(String name, Map<String, String> params) {
            String order = params.getOrDefault("order", "").strip();
            if (!only(params, "order") || order.isEmpty()) {
                dropped.add(new DroppedTag(name, Reason.INVALID_PARAMETERS));
                return Optional.empty();
            }
            return Optional.of(order);
        }

        /** Adds an action once: a repeated HANDOFF or INVOICE of the same order is one action. */
        private void add(Action action) {
            boolean handoffAlready = action instanceof Action.Handoff
                    && ordered.stream().anyMatch(Action.Handoff.class::isInstance);
            if (!handoffAlready && !ordered.contains(action)) {
                ordered.add(action);
            }
        }

        List<Action> actions() {
            return ordered.stream().map(entry -> entry instanceof Action action ? action : checkoutAction()).toList();
        }

        private Action checkoutAction() {
            return new Action.Checkout(checkoutLines.entrySet().stream()
                    .map(line -> new Action.Checkout.Item(line.getKey(), line.getValue())).toList());
        }

        private static boolean only(Map<String, String> params, String... allowed) {
            return List.of(allowed).containsAll(params.keySet());
        }

        /** The parameters, or empty when a key repeats. */
        private static Optional<Map<String, String>> parameters(String text) {
            Map<String, String> params = new LinkedHashMap<>();
            Matcher parameter = PARAMETER.matcher(text);
            while (parameter.find()) {
                if (params.put(parameter.group(1), unquote(parameter.group(2))) != null) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }

        private static String unquote(String value) {
            if (!value.startsWith("\"")) {
                return value;
            }
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }

        private static String nameOf(String body) {
            Matcher name = Pattern.compile("^\\s*([A-Za-z_]{1,40})").matcher(body);
            return name.find() ? name.group(1) : "?";
        }
    }
}
