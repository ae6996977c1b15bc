/** Module reports (see ARCHITECTURE.md). */
package org.ybdesk.reports;
