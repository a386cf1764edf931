package org.patchgate.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log. Never updated or deleted by the application. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 128)
    private String action;

    @Column(length = 512)
    private String target;

    @Column(nullable = false, length = 16)
    private String outcome;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(length = 2000)
    private String detail;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, String target, AuditOutcome outcome,
               Integer httpStatus, String detail, String clientAddress) {
        this.occurredAt = occurredAt;
        this.actor = clip(actor, 64);
        this.action = clip(action, 128);
        this.target = clip(target, 512);
        this.outcome = outcome.wireName();
        this.httpStatus = httpStatus;
        this.detail = clip(detail, 2000);
        this.clientAddress = clip(clientAddress, 64);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String outcome() {
        return outcome;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String detail() {
        return detail;
    }

    public String clientAddress() {
        return clientAddress;
    }
}
