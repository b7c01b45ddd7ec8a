/**
 * The activity log: who did what, when and from where in a business — identity's own security and
 * team facts, and business actions other services announce on their topics — readable by OWNERs and
 * ADMINs ({@code GET /api/activity}) and purged after the configured retention.
 */
package com.sellavie.identity.activity;
