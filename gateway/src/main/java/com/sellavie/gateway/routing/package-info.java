/** Balancing a route over several instances of a service. */
package com.sellavie.gateway.routing;
