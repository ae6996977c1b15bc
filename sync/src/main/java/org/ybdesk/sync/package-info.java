/** Module sync (see ARCHITECTURE.md). */
package org.ybdesk.sync;
