/** Time steppers of PDEs and ODEs, each with a hand-written discrete adjoint. */
package org.adjoint4j.solvers;
