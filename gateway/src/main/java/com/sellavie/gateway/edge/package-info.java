/** Request hardening at the edge, applied before any route is chosen. */
package com.sellavie.gateway.edge;
