package com.sellavie.commerce.checkout;

import com.sellavie.events.ai.CheckoutAction;
import com.sellavie.events.ai.CheckoutActionItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A sku and how many, as the model asked; the same sku named twice (any case) is one item. */
record AskedItem(String sku, int quantity) {

    static List<AskedItem> of(List<CheckoutAction> actions) {
        Map<String, AskedItem> merged = new LinkedHashMap<>();
        for (CheckoutAction action : actions) {
            for (CheckoutActionItem item : action.getItems()) {
                String sku = item.getSku().strip();
                merged.merge(sku.toLowerCase(Locale.ROOT), new AskedItem(sku, item.getQuantity()),
                        (a, b) -> new AskedItem(a.sku(), saturatedSum(a.quantity(), b.quantity())));
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static int saturatedSum(int a, int b) {
        long sum = (long) a + b;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
    }
}
