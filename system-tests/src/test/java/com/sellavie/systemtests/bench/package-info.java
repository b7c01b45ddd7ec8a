/** Load benchmarks against the whole stack (not tests): run under the {@code bench} Maven profile only. */
package com.sellavie.systemtests.bench;
