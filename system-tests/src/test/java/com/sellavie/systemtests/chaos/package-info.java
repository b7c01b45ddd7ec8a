/**
 * The chaos suite: the whole system under a steady stream of signed DMs while its parts are killed,
 * stopped, restarted and made to fail in turn, with a reliability table of what each fault cost.
 */
package com.sellavie.systemtests.chaos;
