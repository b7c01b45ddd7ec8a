package com.sellavie.commerce.checkout;

/**
 * Why a CHECKOUT action made no order: {@code reason} as CheckoutRejected names it, {@code detail} for
 * the team, {@code customerReason} completing "Sorry, ..., so I couldn't create a payment link."
 */
record Rejection(String reason, String detail, String customerReason) {

    static Rejection unknownSku(String sku) {
        return new Rejection("UNKNOWN_SKU", "sku " + sku + " is not in the catalog",
                "I couldn't find one of the items you asked for in our catalog");
    }

    static Rejection inactive(String sku, String name) {
        return new Rejection("INACTIVE", "sku " + sku + " (" + name + ") is not active",
                "the " + name + " isn't available right now");
    }

    static Rejection outOfStock(String sku, String name, int asked, int available) {
        return new Rejection("OUT_OF_STOCK", "sku " + sku + " (" + name + "): " + asked + " asked, " + available
                + " in stock", available == 0 ? "the " + name + " is out of stock right now"
                        : "we don't have " + asked + " of the " + name + " in stock right now");
    }

    static Rejection quantityOverCap(String sku, int asked, int cap) {
        return new Rejection("QUANTITY_OVER_CAP", "sku " + sku + ": " + asked + " asked, at most " + cap
                + " per order", "I can only create a payment link for up to " + cap + " of each item at a time");
    }

    static Rejection invalidQuantity(String sku, int asked) {
        return new Rejection("QUANTITY_OVER_CAP", "sku " + sku + ": quantity " + asked + " is not at least 1",
                "the quantity asked for wasn't valid");
    }

    static Rejection tooManyLines(int lines, int cap) {
        return new Rejection("QUANTITY_OVER_CAP", lines + " different items asked, at most " + cap + " per order",
                "I can only create a payment link for up to " + cap + " different items at a time");
    }

    static Rejection mixedCurrencies(String detail) {
        return new Rejection("MIXED_CURRENCIES", detail, "those items can't be paid together in one payment");
    }

    static Rejection noProvider() {
        return new Rejection("NO_PROVIDER", "no payment provider is configured for the business",
                "online payment isn't set up for this shop yet");
    }
}
