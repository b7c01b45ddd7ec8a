/**
 * Spring AOT support: what the services need so their bean definitions can be generated at build time
 * (a named JDBC dialect), a guard that the conditions fixed then still hold when a service starts, and the end of
 * the JDK AOT cache's training run.
 */
package com.sellavie.platform.aot;
