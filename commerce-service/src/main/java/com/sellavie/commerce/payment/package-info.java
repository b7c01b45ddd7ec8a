/** Payments: the business's provider accounts (settings) today; checkout and reconciliation come later. */
package com.sellavie.commerce.payment;
