/** Registers the generated classes' schemas in the registry and pins each subject's compatibility rule. */
package com.sellavie.schemas.registry;
