package org.patchgate.migrations;

/**
 * Where the migrations live on the classpath, so that the server and tests name them in one place.
 */
public final class Migrations {

    /** Flyway location of Patchgate's SQL migrations ({@code V<n>__<what>.sql}). */
    public static final String LOCATION = "classpath:db/migration/patchgate";

    private Migrations() {
    }
}
