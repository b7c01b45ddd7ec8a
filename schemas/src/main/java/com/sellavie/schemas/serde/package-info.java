/** How events travel: the Confluent wire format against an Apicurio registry, one subject per record type. */
package com.sellavie.schemas.serde;
