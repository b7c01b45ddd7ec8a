package com.sellavie.commerce.payment.reconcile;

/** What a notification does to its order ({@link Reconciliation#decide}). */
sealed interface Decision {

    /** The ledger status and the metric's outcome (lower case). */
    String outcome();

    /** Ask the provider first (Paystack, Flutterwave success), then decide again with its answer. */
    record Verify() implements Decision {
        public String outcome() {
            return "VERIFY";
        }
    }

    record Pay() implements Decision {
        public String outcome() {
            return "PAID";
        }
    }

    record Fail() implements Decision {
        public String outcome() {
            return "PAYMENT_FAILED";
        }
    }

    record Refund() implements Decision {
        public String outcome() {
            return "REFUNDED";
        }
    }

    /** Ledger only: ALREADY_PAID, FAILURE_IGNORED, ALREADY_REFUNDED, RECORDED. */
    record LedgerOnly(String outcome) implements Decision {
    }

    /** Nothing changes on the order; the team sees it. */
    record Mismatch(String kind, String detail) implements Decision {
        public String outcome() {
            return "DISCREPANCY";
        }
    }
}
