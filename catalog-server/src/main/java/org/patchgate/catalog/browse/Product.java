package org.patchgate.catalog.browse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A product of a vendor as one source knows it; its updates supersede each other. Written by sync. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private Long id;

    @Column(name = "source_id", nullable = false)
    private Long sourceId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "vendor_id", nullable = false)
    private Vendor vendor;

    @Column(name = "product_key", nullable = false, length = 512)
    private String productKey;

    @Column(nullable = false, length = 512)
    private String name;

    protected Product() {
    }

    public Long id() {
        return id;
    }

    public Long sourceId() {
        return sourceId;
    }

    public Vendor vendor() {
        return vendor;
    }

    public String productKey() {
        return productKey;
    }

    public String name() {
        return name;
    }
}
