/**
 * Dynamics: the LangevinMiddle (BAOAB) integrator, SHAKE/RATTLE constraints on bonds to hydrogen and temperature
 * replica exchange.
 */
package org.backmap.md.dynamics;
