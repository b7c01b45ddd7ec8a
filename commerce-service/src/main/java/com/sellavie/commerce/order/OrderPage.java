package com.sellavie.commerce.order;

import java.util.List;

/** One page of orders, newest first. */
record OrderPage(List<OrderView> orders, int page, int limit, boolean hasMore) {
}
