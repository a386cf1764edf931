/**
 * The normalised catalog as admins browse it: vendors, products, updates with their installers and
 * detection rules, searched with PostgreSQL full-text search and filtered, one page at a time.
 */
package org.patchgate.catalog.browse;
