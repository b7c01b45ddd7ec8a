/** Privacy requests: exports and erasures fanned out to every data-owning service and tracked to completion. */
package com.sellavie.identity.privacy;
