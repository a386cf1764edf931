/**
 * Flyway SQL migrations for PostgreSQL: the only source of Patchgate's schema.
 */
package org.patchgate.migrations;
