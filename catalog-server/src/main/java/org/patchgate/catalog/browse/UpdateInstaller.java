package org.patchgate.catalog.browse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One installer of a stored update, with the state of its content in the content store. */
@Entity
@Table(name = "installer")
public class UpdateInstaller {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "update_id", nullable = false)
    private CatalogUpdate update;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 16)
    private String architecture;

    @Column(nullable = false, length = 16)
    private String scope;

    @Column(length = 64)
    private String locale;

    @Column(name = "installer_type", nullable = false, length = 16)
    private String installerType;

    @Column(name = "vendor_type", length = 128)
    private String vendorType;

    @Column(nullable = false, length = 4096)
    private String url;

    @Column(length = 64)
    private String sha256;

    @Column(name = "vendor_digest", length = 140)
    private String vendorDigest;

    @Column(name = "silent_install", length = 4000)
    private String silentInstall;

    @Column(name = "silent_uninstall", length = 4000)
    private String silentUninstall;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(name = "content_state", nullable = false, length = 16)
    private String contentState;

    @Column(name = "content_sha256", length = 64)
    private String contentSha256;

    @Column(name = "content_error", length = 2000)
    private String contentError;

    @Column(name = "content_updated_at")
    private Instant contentUpdatedAt;

    protected UpdateInstaller() {
    }

    public Long id() {
        return id;
    }

    public CatalogUpdate update() {
        return update;
    }

    public int position() {
        return position;
    }

    public String architecture() {
        return architecture;
    }

    public String scope() {
        return scope;
    }

    public String locale() {
        return locale;
    }

    public String installerType() {
        return installerType;
    }

    public String vendorType() {
        return vendorType;
    }

    public String url() {
        return url;
    }

    public String sha256() {
        return sha256;
    }

    public String vendorDigest() {
        return vendorDigest;
    }

    public String silentInstall() {
        return silentInstall;
    }

    public String silentUninstall() {
        return silentUninstall;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    public String contentState() {
        return contentState;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public String contentError() {
        return contentError;
    }

    public Instant contentUpdatedAt() {
        return contentUpdatedAt;
    }
}
