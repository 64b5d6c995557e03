/** backmap flows (work in progress: see the module README). */
package org.backmap.flows;
