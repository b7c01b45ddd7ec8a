/** The system under test: shared infrastructure, every service from its executable jar, and a stubbed Meta. */
package com.sellavie.systemtests.stack;
