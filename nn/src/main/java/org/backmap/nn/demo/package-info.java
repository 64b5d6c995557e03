/**
 * The numerical core end to end on a problem small enough to check by eye: fit, checkpoint, reload, report.
 */
package org.backmap.nn.demo;
