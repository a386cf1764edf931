/**
 * The admin console: a single-page app served by the site server at the root path.
 */
package org.patchgate.webui;
