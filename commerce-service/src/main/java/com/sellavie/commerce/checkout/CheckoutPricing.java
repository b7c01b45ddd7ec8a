package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.OrderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Prices asked items from the catalog as it is now (never a price from the model) and applies the
 * guards: caps, known and active skus, stock, one currency.
 */
@Component
class CheckoutPricing {

    private final CatalogPrices catalog;
    private final CheckoutProperties properties;

    CheckoutPricing(CatalogPrices catalog, CheckoutProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** Lines at today's prices, or why not. Run as the business. */
    Priced price(UUID businessId, List<AskedItem> items) {
        if (items.isEmpty()) {
            return Priced.refused(Rejection.tooManyLines(0, properties.maxLines()));
        }
        if (items.size() > properties.maxLines()) {
            return Priced.refused(Rejection.tooManyLines(items.size(), properties.maxLines()));
        }
        for (AskedItem item : items) {
            if (item.quantity() <= 0) {
                return Priced.refused(Rejection.invalidQuantity(item.sku(), item.quantity()));
            }
            if (item.quantity() > properties.maxQuantity()) {
                return Priced.refused(Rejection.quantityOverCap(item.sku(), item.quantity(), properties.maxQuantity()));
            }
        }
        List<OrderLine> lines = new ArrayList<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (AskedItem item : items) {
            Optional<CatalogPrices.PricedProduct> found = catalog.find(businessId, item.sku());
            if (found.isEmpty()) {
                return Priced.refused(Rejection.unknownSku(item.sku()));
            }
            CatalogPrices.PricedProduct product = found.get();
            if (!product.active()) {
                return Priced.refused(Rejection.inactive(product.sku(), product.name()));
            }
            if (product.stock() != null && product.stock() < item.quantity()) {
                return Priced.refused(Rejection.outOfStock(product.sku(), product.name(), item.quantity(),
                        product.stock()));
            }
            currencies.add(product.currency());
            lines.add(new OrderLine(businessId, product.sku(), product.name(), item.quantity(), product.priceMinor()));
        }
        if (currencies.size() > 1) {
            return Priced.refused(Rejection.mixedCurrencies("items priced in " + String.join(", ", currencies)));
        }
        return new Priced(lines, currencies.first(), null);
    }

    /** Either lines in one currency, or a rejection. */
    record Priced(List<OrderLine> lines, String currency, Rejection rejection) {

        static Priced refused(Rejection rejection) {
            return new Priced(List.of(), null, rejection);
        }
    }
}
