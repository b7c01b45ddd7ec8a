/** Balancing a route over several instances of a service, and telling the operator when one did not answer in time. */
package com.sellavie.gateway.routing;
