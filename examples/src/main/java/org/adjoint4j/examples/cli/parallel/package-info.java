/** Running a subcommand on several ranks: the {@code [parallel]} settings and the launch of the ranks. */
package org.adjoint4j.examples.cli.parallel;
