/**
 * Checks on what the model wrote before a customer reads it: the prompt's canary and its text never
 * repeated, prices only the catalog's, links only the merchant's; and the safe texts used instead.
 */
package com.sellavie.ai.safety;
