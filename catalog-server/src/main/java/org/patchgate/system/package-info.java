/**
 * What the site server says about itself (version, schema, database, uptime) and the site-wide settings
 * administrators change at run time.
 */
package org.patchgate.system;
