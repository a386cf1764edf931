package org.patchgate.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A site-wide setting, shared by every site server on the database. */
@Entity
@Table(name = "setting")
public class Setting {

    @Id
    @Column(length = 128)
    private String key;

    @Column(nullable = false, length = 4000)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    protected Setting() {
    }

    Setting(String key, String value, Instant updatedAt, String updatedBy) {
        this.key = key;
        change(value, updatedAt, updatedBy);
    }

    final void change(String value, Instant updatedAt, String updatedBy) {
        this.value = value;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
