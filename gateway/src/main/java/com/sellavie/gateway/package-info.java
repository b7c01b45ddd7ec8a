/** The single public HTTP entry: routes the console's API calls and the providers' webhooks to the services. */
package com.sellavie.gateway;
