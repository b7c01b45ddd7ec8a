/** The role and tenant suite every service runs over all of its routes ({@link com.sellavie.platform.test.routes.RouteSecuritySuite}). */
package com.sellavie.platform.test.routes;
