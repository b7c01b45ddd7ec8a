/** Serves the built web console (web/dist) at {@code /}: its files, and index.html for the single-page app's own routes. */
package com.sellavie.gateway.console;
