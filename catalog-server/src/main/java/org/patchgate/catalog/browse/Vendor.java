package org.patchgate.catalog.browse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A publisher of software, shared by every source that names it. Written by sync. */
@Entity
@Table(name = "vendor")
public class Vendor {

    @Id
    private Long id;

    @Column(nullable = false, unique = true, length = 256)
    private String name;

    protected Vendor() {
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }
}
