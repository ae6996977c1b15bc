/**
 * Module reports (see ARCHITECTURE.md): the prints of the window — reference tables 表1–表13 built from the form specs,
 * the window's documents from {@code document.jrxml}, the font extension, the missing-glyph guard, the sandbox
 * watermark — all from the services' print model, never from the database directly.
 */
package org.ybdesk.reports;
