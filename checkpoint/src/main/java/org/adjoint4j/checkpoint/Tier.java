package org.adjoint4j.checkpoint;

/** A storage tier for snapshots. */
public enum Tier {
    /** Preallocated buffers in the JVM heap. */
    MEMORY,
    /** Files on a disk (node-local scratch on a cluster). */
    DISK
}
