/** A complete example of a user-written stepper with its adjoint: the Fisher–KPP equation in 1-D. */
package org.adjoint4j.examples.fisher;
