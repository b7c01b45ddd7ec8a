/**
 * Revenue: paid revenue, orders, checkout links, conversion and the assistant's share per day of a range,
 * read from commerce's own orders and their timeline.
 */
package com.sellavie.commerce.revenue;
