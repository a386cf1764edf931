package org.patchgate.catalog.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry a sync skipped, with the file it came from and why. */
@Entity
@Table(name = "sync_problem")
public class SyncProblem {

    @Id
    private Long id;

    @Column(name = "sync_run_id", nullable = false)
    private Long syncRunId;

    @Column(name = "source_path", nullable = false, length = 1024)
    private String sourcePath;

    @Column(nullable = false, length = 4000)
    private String reason;

    protected SyncProblem() {
    }

    public String sourcePath() {
        return sourcePath;
    }

    public String reason() {
        return reason;
    }
}
