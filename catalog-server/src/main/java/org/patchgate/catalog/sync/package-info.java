/**
 * Sync of a catalog source into the normalised catalog tables: reads an adapter's entries, diffs them
 * against what is stored by fingerprint, writes only the changes in one transaction and links
 * superseded versions.
 */
package org.patchgate.catalog.sync;
