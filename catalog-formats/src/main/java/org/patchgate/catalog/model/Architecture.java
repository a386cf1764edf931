package org.patchgate.catalog.model;

/** Processor architecture an installer is built for. */
public enum Architecture {
    X86, X64, ARM, ARM64,
    /** Runs on any architecture (scripts, .NET AnyCPU, data packages). */
    NEUTRAL
}
