package org.patchgate.security;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Role} by its wire name, as the schema's CHECK constraint expects. */
@Converter
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wireName();
    }

    @Override
    public Role convertToEntityAttribute(String name) {
        Role role = Role.fromWireName(name);
        if (name != null && role == null) {
            throw new IllegalStateException("unknown role in database: " + name);
        }
        return role;
    }
}
