/** The conventions every service's OpenAPI document shares: bearer JWT security and problem+json error answers. */
package com.sellavie.platform.apidocs;
