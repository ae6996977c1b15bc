/**
 * The changes a desk sends to the province, one Java record per kind ({@link org.ybdesk.protocol.change.ChangeKind}
 * maps outbox message type ↔ record ↔ {@code infno}). The desk's outbox stores them as JSON and the server reads
 * each envelope's {@code input} into them; the JSON of every record is exactly the payload the desk wrote before
 * the records existed (property names, alphabetical order, which nulls are written), so stored rows and desks of
 * the previous release stay readable.
 */
package org.ybdesk.protocol.change;
