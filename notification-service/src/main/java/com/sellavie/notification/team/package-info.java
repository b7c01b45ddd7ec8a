/** The members of each business, kept from identity.members (ids and roles only), so alerts know whom to tell. */
package com.sellavie.notification.team;
