/**
 * Checkpointing schedules as the tool offers them: the settings that choose one
 * ({@link org.adjoint4j.examples.cli.schedule.ScheduleSpec}) and the report that sizes a job
 * ({@link org.adjoint4j.examples.cli.schedule.ScheduleReport}).
 */
package org.adjoint4j.examples.cli.schedule;
