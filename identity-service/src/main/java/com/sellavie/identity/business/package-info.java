/**
 * The business's profile (name, time zone, language, country, contact email, logo): read by any
 * member, edited by OWNERs and ADMINs, announced whole as {@code BusinessUpdated} on
 * {@code identity.businesses} through the outbox.
 */
package com.sellavie.identity.business;
