package org.ybdesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.jsonSchema.JsonSchemaGenerator;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message of the desk ↔ province protocol is a record in this module, and the JSON schema in
 * {@code docs/protocol/schema.json} is generated from those records (Jackson's schema module): the test fails when
 * the file differs from what the records give, naming how to regenerate it
 * ({@code mvn -pl protocol test -Dybdesk.writeSchema=true}). It also keeps the payloads typed: no record has a
 * component of type {@code Object} or a map of objects, and untyped JSON ({@code JsonNode}) only where the record's
 * own key says what it holds.
 */
class MessageSchemaTest {
    /** Untyped JSON allowed only here, each read through the type its sibling names. */
    private static final Map<String, String> UNTYPED = Map.of(
            "Envelope.input", "the change of the envelope's infno (ChangeKind.ofInfno(infno).read(input))",
            "FeedEntry.input", "the change of the entry's infno (ChangeKind.ofInfno(infno).read(input))",
            "ReferenceData$Entry.content", "the content of the entry's kind (catalog, calendar, policy, Routing, Agency list …)");

    @Test
    void everyMessageIsARecordWithTypedComponents() throws Exception {
        List<Class<?>> records = messageRecords();
        assertThat(records).hasSizeGreaterThan(30);
        List<String> problems = new ArrayList<>();
        for (Class<?> r : records) {
            for (RecordComponent c : r.getRecordComponents()) {
                String name = r.getName().substring(r.getPackageName().length() + 1) + "." + c.getName();
                Type t = c.getGenericType();
                if (t == Object.class || mapOfObjects(t)) {
                    problems.add(name + ": " + t.getTypeName());
                }
                if (c.getType() == JsonNode.class && !UNTYPED.containsKey(name)) {
                    problems.add(name + ": untyped JsonNode");
                }
            }
        }
        assertThat(problems).as("untyped record components").isEmpty();
    }

    @Test
    void docsSchemaIsGeneratedFromTheRecords() throws Exception {
        ObjectMapper mapper = ProtocolJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        JsonSchemaGenerator generator = new JsonSchemaGenerator(mapper);
        Map<String, JsonNode> schemas = new TreeMap<>();
        for (Class<?> r : messageRecords()) {
            schemas.put(r.getName(), sorted(mapper, mapper.valueToTree(generator.generateSchema(r))));
        }
        ObjectNode doc = mapper.createObjectNode();
        doc.put("$comment", "Generated from the records of module protocol by MessageSchemaTest; do not edit. "
                + "Regenerate: mvn -pl protocol test -Dybdesk.writeSchema=true");
        schemas.forEach(doc::set);
        String generated = mapper.writeValueAsString(doc) + "\n";
        Path file = docs().resolve("protocol").resolve("schema.json");
        if (Boolean.getBoolean("ybdesk.writeSchema")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file).as("docs/protocol/schema.json (regenerate: mvn -pl protocol test -Dybdesk.writeSchema=true)")
                .exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/protocol/schema.json is out of date: mvn -pl protocol test -Dybdesk.writeSchema=true")
                .isEqualTo(generated);
    }

    private static JsonNode sorted(ObjectMapper mapper, JsonNode node) throws IOException {
        return mapper.readTree(mapper.writeValueAsString(mapper.treeToValue(node, Object.class)));
    }

    private static boolean mapOfObjects(Type t) {
        return t instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[1] == Object.class;
    }

    /** Every public record of the module's main classes (found on disk, so a new message cannot be forgotten). */
    static List<Class<?>> messageRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Protocol.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, MessageSchemaTest.class.getClassLoader());
                if (c.isRecord() && Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The repository's docs folder (the test runs in module protocol). */
    private static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        return (Files.isDirectory(here.resolve("docs")) ? here : here.getParent()).resolve("docs");
    }
}
