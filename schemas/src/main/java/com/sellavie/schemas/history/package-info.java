/** Every released version of each contract, and the build gate that keeps them mutually readable. */
package com.sellavie.schemas.history;
