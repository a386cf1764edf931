/**
 * Catalog sources an admin configures (format, location, schedule, credentials), their sync runs with
 * counts and per-entry problems, and the REST API to manage them and start a sync.
 */
package org.patchgate.catalog.source;
