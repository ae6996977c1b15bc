package org.ybdesk.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What an attachment's bytes are, by their signature, and their digest. */
final class Attachments {
    private Attachments() {
    }

    /** application/pdf, image/png, image/jpeg or image/tiff; null for anything else. */
    static String mediaType(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46)) {
            return "application/pdf";
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47)) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x49, 0x49, 0x2A, 0x00) || starts(b, 0x4D, 0x4D, 0x00, 0x2A)) {
            return "image/tiff";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... sig) {
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
