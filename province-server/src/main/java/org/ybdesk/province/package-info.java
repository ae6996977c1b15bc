/** Module province (see ARCHITECTURE.md). */
package org.ybdesk.province;
