/** Checkpointing schedules for runs whose number of steps is known in advance. */
package org.adjoint4j.checkpoint.schedule;
