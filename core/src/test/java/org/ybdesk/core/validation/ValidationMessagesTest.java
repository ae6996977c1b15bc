package org.ybdesk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;

/** The bundles behind the validators and the registry labels. */
class ValidationMessagesTest {
    private static Properties load(String resource) throws IOException {
        Properties props = new Properties();
        try (InputStream in = ValidationMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    @Test
    void everyValidationMessageIsChineseAndAValidPattern() throws IOException {
        Properties props = load("/org/ybdesk/core/validation/messages.properties");
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key);
            assertThat(value).as(key).isNotBlank().doesNotContain("'");
            new MessageFormat(value); // throws on a malformed pattern
            if (!key.startsWith("list.") && !key.equals("phone.extensionMarkers")) {
                assertThat(value).as(key).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void everyKeyUsedInTheValidatorsExists() throws IOException {
        Properties props = load("/org/ybdesk/core/validation/messages.properties");
        Path sources = Path.of("src/main/java/org/ybdesk/core/validation");
        if (!Files.isDirectory(sources)) {
            return; // not run from the module directory; the behaviour tests cover the keys anyway
        }
        Pattern use = Pattern.compile("(?:\\.add|\\.one|MESSAGES\\.get)\\(\\s*\"([A-Za-z.]+)\"");
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).isNotEmpty();
        assertThat(keys).allSatisfy(key -> assertThat(props).as(key).containsKey(key));
    }

    @Test
    void noChineseTextInTheValidatorSources() throws IOException {
        Path sources = Path.of("src/main/java/org/ybdesk/core/validation");
        if (!Files.isDirectory(sources)) {
            return;
        }
        Pattern han = Pattern.compile("\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\"");
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertThat(han.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IdType.class)
    void idTypeLabelsRoundTrip(IdType type) {
        assertThat(type.label()).containsPattern("\\p{IsHan}");
        assertThat(IdType.fromLabel(type.label())).contains(type);
        assertThat(IdType.fromLabel(" " + type.label() + " ")).contains(type);
    }

    @Test
    void idTypeLabels() {
        assertThat(IdType.RESIDENT_ID.label()).isEqualTo("居民身份证");
        assertThat(IdType.HMT_RESIDENCE_PERMIT.label()).isEqualTo("港澳台居民居住证");
        assertThat(IdType.FOREIGNER_PERMANENT_RESIDENCE.label()).isEqualTo("外国人永久居留身份证");
        assertThat(IdType.HK_MACAO_PASS.label()).isEqualTo("港澳居民来往内地通行证");
        assertThat(IdType.TAIWAN_PASS.label()).isEqualTo("台湾居民来往大陆通行证");
        assertThat(IdType.PASSPORT.label()).isEqualTo("护照");
        assertThat(IdType.fromLabel("驾驶证")).isEmpty();
        assertThat(IdType.fromLabel(null)).isEmpty();
        assertThat(IdType.RESIDENT_ID.isGb11643Style()).isTrue();
        assertThat(IdType.PASSPORT.isGb11643Style()).isFalse();
    }

    @Test
    void genderLabels() {
        assertThat(Gender.MALE.label()).isEqualTo("男");
        assertThat(Gender.FEMALE.label()).isEqualTo("女");
        assertThat(Gender.fromLabel("女")).contains(Gender.FEMALE);
        assertThat(Gender.fromLabel("其他")).isEmpty();
        assertThat(Gender.ofSequenceDigit(1)).isEqualTo(Gender.MALE);
        assertThat(Gender.ofSequenceDigit(0)).isEqualTo(Gender.FEMALE);
        assertThat(Gender.ofSequenceDigit(8)).isEqualTo(Gender.FEMALE);
    }
}
