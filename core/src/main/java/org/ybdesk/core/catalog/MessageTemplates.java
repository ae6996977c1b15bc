package org.ybdesk.core.catalog;

/**
 * 消息推送模板 of an item: the text sent when the case succeeds and when it does not. Placeholders in braces:
 * {agencySignature} {name} {date} {validity} {reason} {phone} {amount} {payee} {bank} {accountTail}.
 * {@code derived} is true where the rulebook gives no template and we wrote one in its style (docs/DECISIONS.md).
 */
public record MessageTemplates(String success, String failure, boolean derived) {
}
