package org.patchgate.security;

import java.util.Locale;

/**
 * What an administrator may do. Roles are ordered: each includes everything the ones below it may do.
 * <ul>
 *   <li>{@link #VIEWER} reads everything but secrets;</li>
 *   <li>{@link #OPERATOR} also runs the site day to day: sources, syncs, approvals, deployments;</li>
 *   <li>{@link #ADMIN} also manages users, settings, keys and reads the audit log.</li>
 * </ul>
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** Whether this role may do what {@code required} may do. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** The role's name in the API and the database: {@code admin}, {@code operator}, {@code viewer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; {@code null} if it names no role. */
    public static Role fromWireName(String name) {
        if (name == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }
}
