package org.patchgate.catalog.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.patchgate.catalog.format.SourceFormat;

/** A vendor catalog Patchgate syncs from. */
@Entity
@Table(name = "catalog_source")
public class CatalogSource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private SourceFormat format;

    @Column(nullable = false, length = 2048)
    private String location;

    @Column(name = "schedule_minutes")
    private Integer scheduleMinutes;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "credential_user", length = 256)
    private String credentialUser;

    @Column(name = "credential_secret", length = 1024)
    private String credentialSecret;

    @Column(name = "next_sync_at")
    private Instant nextSyncAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CatalogSource() {
    }

    CatalogSource(String name, SourceFormat format, String location, Instant now) {
        this.name = name;
        this.format = format;
        this.location = location;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public SourceFormat format() {
        return format;
    }

    public String location() {
        return location;
    }

    public Integer scheduleMinutes() {
        return scheduleMinutes;
    }

    public boolean enabled() {
        return enabled;
    }

    public String credentialUser() {
        return credentialUser;
    }

    public String credentialSecret() {
        return credentialSecret;
    }

    public boolean hasCredentials() {
        return credentialUser != null;
    }

    public Instant nextSyncAt() {
        return nextSyncAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    void rename(String name) {
        this.name = name;
    }

    void relocate(SourceFormat format, String location) {
        this.format = format;
        this.location = location;
    }

    /** Sets the schedule; the next scheduled sync is one interval from {@code now}, or none. */
    void schedule(Integer minutes, Instant now) {
        this.scheduleMinutes = minutes;
        this.nextSyncAt = minutes == null || !enabled ? null : now.plusSeconds(60L * minutes);
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        schedule(scheduleMinutes, now);
    }

    void credentials(String user, String secret) {
        this.credentialUser = user;
        this.credentialSecret = secret;
    }

    void touched(Instant now) {
        this.updatedAt = now;
    }
}
