/** Journeys driven from outside only, as a merchant's browser and Meta would: HTTP through the gateway. */
package com.sellavie.systemtests.journey;
