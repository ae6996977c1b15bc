package org.ybdesk.protocol;

import java.util.List;

/** A batch of envelopes from one desk, in order of occurrence (ascending {@code seq}). */
public record UploadRequest(List<Envelope> messages) {
}
