/**
 * Tools that let users trust a gradient: the dot-product (adjoint consistency) test of a step and
 * the Taylor test of the whole gradient. Both work on any number of ranks, with global inner products.
 */
package org.adjoint4j.adjoint.verify;
