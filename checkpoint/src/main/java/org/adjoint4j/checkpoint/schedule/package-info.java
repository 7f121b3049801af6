/**
 * Checkpointing schedules: for runs whose number of steps is known in advance (store-all, binomial in
 * memory, least-cost memory and disk) and for runs that learn their end as they go (dynamic).
 */
package org.adjoint4j.checkpoint.schedule;
