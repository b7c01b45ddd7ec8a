/**
 * Spring AOT support: what the services need so their bean definitions can be generated at build time
 * (a named JDBC dialect), and a guard that the conditions fixed then still hold when a service starts.
 */
package com.sellavie.platform.aot;
