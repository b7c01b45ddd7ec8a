/**
 * Checkout: a CHECKOUT action in an AI reply becomes one priced order, its link is created with the
 * business's payment provider off the consumer thread, and the customer gets it (or a truthful
 * apology) in the conversation; INVOICE and PAYMENT_STATUS questions about the customer's own orders.
 */
package com.sellavie.commerce.checkout;
