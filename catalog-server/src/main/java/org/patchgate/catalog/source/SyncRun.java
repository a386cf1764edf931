package org.patchgate.catalog.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sync of a source, as recorded (read-only here: the sync engine writes it). */
@Entity
@Table(name = "sync_run")
public class SyncRun {

    @Id
    private Long id;

    @Column(name = "source_id", nullable = false)
    private Long sourceId;

    @Column(nullable = false, length = 16)
    private String trigger;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "entries_total", nullable = false)
    private int entriesTotal;

    @Column(name = "entries_done", nullable = false)
    private int entriesDone;

    @Column(nullable = false)
    private int added;

    @Column(nullable = false)
    private int changed;

    @Column(nullable = false)
    private int removed;

    @Column(nullable = false)
    private int unchanged;

    @Column(nullable = false)
    private int problems;

    @Column(length = 4000)
    private String error;

    @Column(name = "source_revision", length = 300)
    private String sourceRevision;

    @Column(name = "unchanged_since_run")
    private Long unchangedSinceRun;

    protected SyncRun() {
    }

    public Long id() {
        return id;
    }

    public Long sourceId() {
        return sourceId;
    }

    public String trigger() {
        return trigger;
    }

    public String state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int entriesTotal() {
        return entriesTotal;
    }

    public int entriesDone() {
        return entriesDone;
    }

    public int added() {
        return added;
    }

    public int changed() {
        return changed;
    }

    public int removed() {
        return removed;
    }

    public int unchanged() {
        return unchanged;
    }

    public int problems() {
        return problems;
    }

    public String error() {
        return error;
    }

    /** What was read (a git commit, a file's digest), or null for a source without revisions. */
    public String sourceRevision() {
        return sourceRevision;
    }

    /** The run whose result stands, when this one read nothing because the source was unchanged. */
    public Long unchangedSinceRun() {
        return unchangedSinceRun;
    }
}
