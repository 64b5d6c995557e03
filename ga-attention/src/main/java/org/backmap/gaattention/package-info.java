/** backmap ga-attention (work in progress: see the module README). */
package org.backmap.gaattention;
