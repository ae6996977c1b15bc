/** Module protocol (see ARCHITECTURE.md). */
package org.ybdesk.protocol;
