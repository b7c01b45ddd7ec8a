package com.sellavie.ai.actiontag;

/**
 * A tag the model wrote that was not honoured (and, like every tag, not shown to the customer).
 *
 * @param name   the tag's name as written, or {@code "?"} when it could not be read
 * @param reason why it was dropped
 */
public record DroppedTag(String name, Reason reason) {

    /** Why a tag was dropped; also the {@code reason} tag of the dropped-tags metric. */
    public enum Reason {
        /** Not of the form {@code [[NAME key=value key="quoted value"]]}, or never closed. */
        MALFORMED,
        /** A well-formed tag whose name is not HANDOFF, CHECKOUT, INVOICE or PAYMENT_STATUS. */
        UNKNOWN_NAME,
        /** A parameter missing, unexpected, repeated or blank. */
        INVALID_PARAMETERS,
        /** A CHECKOUT naming a sku the business's catalog does not have. */
        UNKNOWN_SKU,
        /** A CHECKOUT whose qty is not a whole number from 1 to {@link ActionTagParser#MAX_QUANTITY} (added up per sku). */
        INVALID_QUANTITY,
        /** Only a tag once folded (full-width or look-alike brackets, zero-width characters inside). */
        LOOK_ALIKE
    }
}
