package org.patchgate.catalog.browse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One update (a version of a product) as the catalog stores it. Written by sync; read here. */
@Entity
@Table(name = "catalog_update")
public class CatalogUpdate {

    @Id
    private Long id;

    @Column(name = "source_id", nullable = false)
    private Long sourceId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    private Product product;

    @Column(name = "source_entry_id", nullable = false, length = 512)
    private String sourceEntryId;

    @Column(name = "source_path", nullable = false, length = 1024)
    private String sourcePath;

    @Column(nullable = false, length = 128)
    private String version;

    @Column(nullable = false, length = 1024)
    private String title;

    @Column(columnDefinition = "text")
    private String description;

    @Column(name = "release_date")
    private LocalDate releaseDate;

    @Column(nullable = false, length = 32)
    private String classification;

    @Column(nullable = false, length = 16)
    private String severity;

    @Column(length = 2048)
    private String homepage;

    @Column(length = 512)
    private String license;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String supersedes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "installed_rule")
    private String installedRule;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "applicable_rule")
    private String applicableRule;

    @Column(name = "superseded_by_id")
    private Long supersededById;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @OneToMany(mappedBy = "update", fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<UpdateInstaller> installers;

    protected CatalogUpdate() {
    }

    public Long id() {
        return id;
    }

    public Long sourceId() {
        return sourceId;
    }

    public Product product() {
        return product;
    }

    public String sourceEntryId() {
        return sourceEntryId;
    }

    public String sourcePath() {
        return sourcePath;
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public LocalDate releaseDate() {
        return releaseDate;
    }

    public String classification() {
        return classification;
    }

    public String severity() {
        return severity;
    }

    public String homepage() {
        return homepage;
    }

    public String license() {
        return license;
    }

    public String supersedes() {
        return supersedes;
    }

    public String installedRule() {
        return installedRule;
    }

    public String applicableRule() {
        return applicableRule;
    }

    public Long supersededById() {
        return supersededById;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Instant removedAt() {
        return removedAt;
    }

    public List<UpdateInstaller> installers() {
        return installers;
    }
}
