/** How a service's JVM runs: the production settings of {@code infra/jvm/} and its ahead-of-time cache. */
package com.sellavie.local.jvm;
