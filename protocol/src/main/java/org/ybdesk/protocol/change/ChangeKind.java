package org.ybdesk.protocol.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ybdesk.protocol.ProtocolJson;

/**
 * The one mapping of the changes a desk sends: outbox message type ↔ record class ↔ transaction code
 * ({@code infno}). Upload codes are 4xxx (41xx a case, 42xx the registry).
 */
public enum ChangeKind {
    CASE_RECEIVED("4101", CaseReceived.class),
    CASE_TRANSITION("4102", CaseStepped.class),
    CASE_MATERIALS("4103", CaseMaterials.class),
    CASE_ATTACHMENT("4104", CaseAttachment.class),
    CASE_NOTE("4105", CaseNote.class),
    CASE_FORWARDED("4106", CaseForwarded.class),
    CASE_RELEASED("4107", CaseReleased.class),
    PERSON_REGISTERED("4201", PersonRegistered.class),
    UNIT_REGISTERED("4202", UnitRegistered.class);

    private static final Map<String, ChangeKind> BY_INFNO = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ChangeKind::infno, Function.identity()));
    private static final Map<Class<?>, ChangeKind> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ChangeKind::type, Function.identity()));

    private final String infno;
    private final Class<? extends Change> type;

    ChangeKind(String infno, Class<? extends Change> type) {
        this.infno = infno;
        this.type = type;
    }

    /** The outbox message type: the constant's name. */
    public String msgType() {
        return name();
    }

    public String infno() {
        return infno;
    }

    public Class<? extends Change> type() {
        return type;
    }

    public static ChangeKind of(Change change) {
        return BY_TYPE.get(change.getClass());
    }

    public static Optional<ChangeKind> ofMsgType(String msgType) {
        return Arrays.stream(values()).filter(k -> k.name().equals(msgType)).findFirst();
    }

    public static Optional<ChangeKind> ofInfno(String infno) {
        return Optional.ofNullable(BY_INFNO.get(infno));
    }

    /** Message type → infno, for every kind. */
    public static Map<String, String> infnoByMsgType() {
        return Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ChangeKind::msgType, ChangeKind::infno));
    }

    /** Reads a change of this kind from its JSON (unknown properties tolerated). */
    public Change read(JsonNode json) {
        try {
            return ProtocolJson.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + name() + " change: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a change of this kind from its JSON text (an outbox row's payload). */
    public Change parse(String json) {
        try {
            return ProtocolJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + name() + " change: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON of a change, exactly as the desk stores and sends it. */
    public static String write(Change change) {
        try {
            return ProtocolJson.mapper().writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON tree of a change (an envelope's {@code input}). */
    public static JsonNode tree(Change change) {
        return ProtocolJson.mapper().valueToTree(change);
    }
}
