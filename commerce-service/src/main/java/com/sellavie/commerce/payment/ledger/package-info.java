/**
 * The payments ledger: every payment, failure and refund notification reconciled (with the provider's
 * ids and what it did), the discrepancies the team must look at, and their read API.
 */
package com.sellavie.commerce.payment.ledger;
