package org.ybdesk.core.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** 事项目录: the versioned catalog of the service items, loaded from a YAML resource (replaceable by sync). */
public final class Catalog {
    public static final String DEFAULT_RESOURCE = "/org/ybdesk/core/catalog/catalog.yaml";

    /** The file as it is stored: a version, its source document, and the items. */
    public record Document(String version, String source, String effectiveFrom, List<ServiceItem> items) {
    }

    private final Document document;
    private final Map<Integer, ServiceItem> byNo;

    private Catalog(Document document) {
        this.document = document;
        this.byNo = document.items().stream()
                .sorted(Comparator.comparingInt(ServiceItem::no))
                .collect(Collectors.toMap(ServiceItem::no, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("duplicate item number " + a.no());
                }, java.util.LinkedHashMap::new));
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /** The catalog shipped with this build. */
    public static Catalog loadDefault() {
        try (InputStream in = Catalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + DEFAULT_RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the catalog shipped with this build (kept with the data so cases keep their version's rules). */
    public static String defaultText() {
        try (InputStream in = Catalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalog parse(InputStream yamlText) throws IOException {
        return new Catalog(yaml().readValue(yamlText, Document.class));
    }

    public static Catalog parse(String yamlText) throws IOException {
        return new Catalog(yaml().readValue(yamlText, Document.class));
    }

    public String version() { return document.version(); }

    public String source() { return document.source(); }

    public List<ServiceItem> items() { return List.copyOf(byNo.values()); }

    public Optional<ServiceItem> find(int no) { return Optional.ofNullable(byNo.get(no)); }

    public ServiceItem item(int no) {
        ServiceItem item = byNo.get(no);
        if (item == null) {
            throw new NoSuchElementException("no service item " + no);
        }
        return item;
    }

    public Optional<ServiceItem> findByCode(String code) {
        return byNo.values().stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
