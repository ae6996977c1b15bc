package org.ybdesk.service;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Whether a value typed at intake can be printed (issue 14, D170): the prints' fonts decide, and they live above the
 * services (reports), so the check is found with {@link ServiceLoader}. The window and the command line both carry
 * the prints on their class path and so both get it; a class path without prints (the services' own tests) has no
 * fonts to check against and accepts every character.
 */
public interface GlyphCheck {
    /**
     * Every character of {@code text} the print fonts cannot show, each as one Chinese problem naming the field
     * ({@code fieldLabel}), the character, its code point and the font; empty when everything can be printed.
     */
    List<String> problems(String fieldLabel, String text);

    /** The check the class path provides, or one that accepts everything when no print fonts are present. */
    static GlyphCheck installed() {
        return Holder.INSTALLED;
    }

    /** Loaded once per process. */
    final class Holder {
        static final GlyphCheck INSTALLED = ServiceLoader.load(GlyphCheck.class, GlyphCheck.class.getClassLoader())
                .findFirst().orElse((label, text) -> List.of());

        private Holder() {
        }
    }
}
