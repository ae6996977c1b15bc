/**
 * The organisation behind the desks (issue 12): agencies and their levels (省/市/县/乡镇), which level performs which
 * stage of an item (routing), who holds a case, the feed of case changes a desk receives, and the county view's case
 * summaries. Every message is a record here, compiled by both the desk and the province server.
 */
package org.ybdesk.protocol.org;
