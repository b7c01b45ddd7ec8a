/** Request rate limits shared by every gateway instance through Redis (token buckets). */
package com.sellavie.gateway.ratelimit;
