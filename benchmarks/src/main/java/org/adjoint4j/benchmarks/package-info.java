/**
 * JMH benchmarks and report programs. Run from the repository root after {@code bin/setup}:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar ScheduleGeneration        # any JMH benchmark by name
 *   java -cp benchmarks/target/benchmarks.jar org.adjoint4j.benchmarks.BandwidthReport
 *   java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.adjoint4j.benchmarks.DriverOverheadReport
 * </pre>
 */
package org.adjoint4j.benchmarks;
