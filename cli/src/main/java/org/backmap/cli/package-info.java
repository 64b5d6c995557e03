/** The {@code backmap} command line: one picocli subcommand class per command. */
package org.backmap.cli;
