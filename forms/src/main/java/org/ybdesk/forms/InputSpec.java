package org.ybdesk.forms;

/**
 * Input constraints of a field by its type.
 *
 * @param maxLength    characters that may be typed
 * @param mask         a fixed-format mask in {@code javax.swing.text.MaskFormatter} syntax ({@code #} a digit,
 *                     {@code A} a letter or digit, other characters literal), or null when the format is free
 * @param allowedChars a regular-expression character class of the characters that may be typed, or null for any
 * @param upperCase    whether typed letters are turned to upper case (ID numbers, credit codes)
 */
public record InputSpec(int maxLength, String mask, String allowedChars, boolean upperCase) {
}
