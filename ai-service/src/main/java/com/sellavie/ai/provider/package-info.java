/** The provider seam: one interface every chat model sits behind, and the ordered chain that fails over between them. */
package com.sellavie.ai.provider;
