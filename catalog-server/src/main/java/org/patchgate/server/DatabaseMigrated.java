package org.patchgate.server;

/**
 * CDI event fired once the schema is migrated and validated, before the server reports ready:
 * capabilities that must seed data on first start observe it.
 *
 * @param schemaVersion the schema version now in the database
 * @param freshDatabase whether this start created the schema from nothing
 */
public record DatabaseMigrated(String schemaVersion, boolean freshDatabase) {
}
