/**
 * Checkpointing: which forward states to keep, where, and when to recompute them.
 *
 * <p>A {@link org.adjoint4j.checkpoint.Schedule} is a pure, deterministic generator of
 * {@link org.adjoint4j.checkpoint.Action}s: the same inputs give the same actions on every rank, so
 * ranks never negotiate. An {@link org.adjoint4j.checkpoint.OnlineSchedule} does the same for a run
 * whose number of steps is known only when it ends. A {@link org.adjoint4j.checkpoint.SnapshotStore}
 * is one storage tier that holds snapshots in numbered slots. This package knows nothing of models,
 * adjoints or ranks.
 */
package org.adjoint4j.checkpoint;
