package org.patchgate.catalog.model;

/** Vendor's severity (MSRC scale); {@link #UNSPECIFIED} when the catalog gives none. */
public enum Severity {
    CRITICAL, IMPORTANT, MODERATE, LOW, UNSPECIFIED
}
