package com.sellavie.commerce.order;

/** The checkout link's own progress, apart from the order's payment status. */
public enum CheckoutStatus {
    /** To be created with the provider by the checkout scheduler. */
    PENDING,
    /** The link exists and was handed to the conversation. */
    CREATED,
    /** The provider refused, or stayed unreachable past the horizon: the team follows up. */
    FAILED
}
