/**
 * Output files shared by every module: {@link org.backmap.base.io.AtomicOutput} writes a file that appears under
 * its name only when complete, with the usual (umask) permissions.
 */
package org.backmap.base.io;
