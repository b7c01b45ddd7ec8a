/** HTTP error answers shared by commerce's features: problem+json with a field list. */
package com.sellavie.commerce.web;
