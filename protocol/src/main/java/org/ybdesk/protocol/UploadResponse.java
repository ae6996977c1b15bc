package org.ybdesk.protocol;

import java.util.List;

/**
 * The answer to an {@link UploadRequest}: one result per envelope, same order. The server processes a batch in
 * order and commits each message's effect together with its acknowledgement, so a batch cut off midway is partly
 * applied: the desk resends the rest and gets duplicates for the part already applied.
 */
public record UploadResponse(List<UploadResult> results) {
}
