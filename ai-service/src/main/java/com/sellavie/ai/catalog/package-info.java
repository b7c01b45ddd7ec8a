/**
 * The products the assistant offers: commerce's catalog as it arrives on {@code commerce.catalog}, and,
 * until handed over to commerce, the products ai-service used to keep itself (legacy).
 */
package com.sellavie.ai.catalog;
