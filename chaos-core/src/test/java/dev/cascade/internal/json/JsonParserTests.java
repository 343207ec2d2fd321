package dev.cascade.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonBoolean;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonParserTests {

    static void assertRejected(String json, String message) {
        ScenarioFormatException error = catchThrowableOfType(ScenarioFormatException.class, () -> JsonParser.parse(json));
        assertThat(error).as("parsing %s", json).isNotNull().hasMessage(message);
    }

    @Nested
    class Values {

        @Test
        void parses_every_kind_of_value() {
            JsonValue value = JsonParser.parse(" {\"a\": [1, -2.5e3, \"s\", true, false, null, {}, []]}\r\n\t");

            assertThat(value).isEqualTo(JsonObject.of(Map.of("a", JsonArray.of(List.of(
                    new JsonNumber("1"), new JsonNumber("-2.5e3"), new JsonString("s"), new JsonBoolean(true),
                    new JsonBoolean(false), JsonValue.NULL, JsonObject.of(Map.of()), JsonArray.of(List.of()))))));
        }

        @Test
        void keeps_members_in_file_order() {
            JsonObject object = (JsonObject) JsonParser.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");

            assertThat(object.members().keySet()).containsExactly("z", "a", "m");
        }

        @Test
        void keeps_integers_exact_and_flags_the_rest() {
            assertThat(((JsonNumber) JsonParser.parse("9007199254740993")).longValue())
                    .isEqualTo(OptionalLong.of(9007199254740993L));
            assertThat(((JsonNumber) JsonParser.parse("-0")).longValue()).isEqualTo(OptionalLong.of(0));
            assertThat(((JsonNumber) JsonParser.parse("1.0")).longValue()).isEmpty();
            assertThat(((JsonNumber) JsonParser.parse("1E2")).longValue()).isEmpty();
            assertThat(((JsonNumber) JsonParser.parse("92233720368547758070")).longValue()).isEmpty();
            assertThat(((JsonNumber) JsonParser.parse("92233720368547758070")).isIntegerLiteral()).isTrue();
        }

        @Test
        void decodes_escapes_and_surrogate_pairs() {
            assertThat(JsonParser.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\""))
                    .isEqualTo(new JsonString("q\" b\\ s/ \b\f\n\r\t \u00e9 \ud83d\ude00"));
        }

        @Test
        void reads_utf8_bytes_and_ignores_a_byte_order_mark() {
            byte[] bytes = "\uFEFF{\"caf\u00e9\": \"\u2603\"}".getBytes(StandardCharsets.UTF_8);

            assertThat(JsonParser.parse(bytes)).isEqualTo(JsonObject.of(Map.of("caf\u00e9", new JsonString("\u2603"))));
        }
    }

    @Nested
    class Duplicate_keys {

        @Test
        void are_reported_with_the_json_path_of_their_object() {
            assertRejected("{\"tree\": {\"children\": [{}, {\"restart\": 1, \"restart\": 2}]}}",
                    "tree.children[1]: duplicate key \"restart\"");
        }

        @Test
        void at_the_top_level_are_reported_as_such() {
            assertRejected("{\"a\": 1, \"a\": 1}", "(top level): duplicate key \"a\"");
        }

        @Test
        void are_the_same_key_after_unescaping() {
            assertRejected("{\"ab\": 1, \"a\\u0062\": 1}", "(top level): duplicate key \"ab\"");
        }
    }

    @Nested
    class Syntax_errors {

        @Test
        void give_line_and_column() {
            assertRejected("{\n  \"a\": tru\n}", "2:11: expected true but found '\\n'".replace("'\\n'", "U+000A"));
        }

        @Test
        void reject_trailing_commas() {
            assertRejected("[1, 2,]", "1:7: expected a value but found ']'");
        }

        @Test
        void reject_single_quotes() {
            assertRejected("{'a': 1}", "1:2: expected a member name in double quotes but found '''");
        }

        @Test
        void reject_leading_zeros_and_bare_fractions() {
            assertRejected("01", "1:2: expected the end of the text after the top-level value but found '1'");
            assertRejected("1.", "1:3: expected a digit after the decimal point but found the end of the text");
            assertRejected("-", "1:2: expected a digit but found the end of the text");
            assertRejected(".5", "1:1: expected a value but found '.'");
        }

        @Test
        void reject_raw_control_characters_in_strings() {
            assertRejected("\"a\tb\"", "1:3: control character U+0009 must be escaped in a string");
        }

        @Test
        void reject_unknown_escapes_and_short_unicode_escapes() {
            assertRejected("\"\\x\"", "1:3: expected one of \" \\ / b f n r t u after '\\' but found 'x'");
            assertRejected("\"\\u12g4\"", "1:6: expected 4 hexadecimal digits after '\\u' but found 'g'");
        }

        @Test
        void reject_an_unterminated_string() {
            assertRejected("[\"abc", "1:6: expected '\"' to end the string but found the end of the text");
        }

        @Test
        void reject_more_than_one_top_level_value() {
            assertRejected("{} {}", "1:4: expected the end of the text after the top-level value but found '{'");
        }

        @Test
        void reject_nesting_deeper_than_the_limit_without_overflowing_the_stack() {
            String deep = "[".repeat(100_000);

            assertRejected(deep, "1:" + (JsonParser.MAX_DEPTH + 1)
                    + ": the text nests objects and arrays deeper than " + JsonParser.MAX_DEPTH + " levels");
        }

        @Test
        void reject_malformed_utf8_at_its_position() {
            byte[] bytes = {'[', '1', ',', '\n', '"', (byte) 0xC3, '"', ']'};

            ScenarioFormatException error = catchThrowableOfType(ScenarioFormatException.class,
                    () -> JsonParser.parse(bytes));

            assertThat(error).hasMessage("2:2: the text is not valid UTF-8 (byte 0xC3 at offset 5)");
        }
    }

    @Nested
    class A_part_of_a_text {

        @Test
        void parses_as_the_same_characters_alone_would() {
            String line = "{\"id\": 7, \"to\": {\"pid\": 2}, \"text\": \"a\\\"b\\u0063\"},";

            assertThat(JsonParser.parse(line, line.length() - 1)).isEqualTo(JsonParser.parse(line.substring(0, line.length() - 1)));
            assertThat(((JsonObject) JsonParser.parse(line, line.length() - 1)).members().get("text"))
                    .isEqualTo(new JsonString("a\"bc"));
        }

        @Test
        void ends_where_it_is_told_to_so_a_value_cut_there_is_unfinished() {
            ScenarioFormatException error = catchThrowableOfType(ScenarioFormatException.class,
                    () -> JsonParser.parse("{\"a\": \"text\"}", 9));

            assertThat(error).hasMessage("1:10: expected '\"' to end the string but found the end of the text");
        }

        @Test
        void refuses_an_end_outside_the_text() {
            assertThat(catchThrowableOfType(IndexOutOfBoundsException.class, () -> JsonParser.parse("{}", 3)))
                    .hasMessage("end 3 of a text of 2 characters");
        }

        @Test
        void texts_parsed_one_after_another_read_as_alone_and_share_their_member_names() {
            JsonLines lines = new JsonLines();
            String first = "{\"id\": 1, \"type\": \"sent\", \"n\\u0061me\": \"x\"},";
            String second = "{\"id\": 2, \"type\": \"handled\", \"name\": \"y\"}";

            JsonObject one = (JsonObject) lines.parse(first, first.length() - 1);
            JsonObject two = (JsonObject) lines.parse(second, second.length());

            assertThat(one).isEqualTo(JsonParser.parse(first.substring(0, first.length() - 1)));
            assertThat(two).isEqualTo(JsonParser.parse(second));
            assertThat(two.members().keySet()).containsExactly("id", "type", "name");
            assertThat(List.copyOf(two.members().keySet()).get(0)).isSameAs(List.copyOf(one.members().keySet()).get(0));
            assertThat(List.copyOf(two.members().keySet()).get(1)).isSameAs(List.copyOf(one.members().keySet()).get(1));
        }

        @Test
        void a_duplicate_or_broken_member_name_is_refused_there_as_alone() {
            JsonLines lines = new JsonLines();
            assertThat(catchThrowableOfType(ScenarioFormatException.class, () -> lines.parse("{\"a\": 1, \"a\": 2}", 16)))
                    .hasMessage("(top level): duplicate key \"a\"");
            assertThat(catchThrowableOfType(ScenarioFormatException.class, () -> lines.parse("{\"a", 3)))
                    .hasMessage("1:4: expected '\"' to end the string but found the end of the text");
        }

        @Test
        void a_parsed_object_cannot_be_changed_through_its_members() {
            JsonObject object = (JsonObject) JsonParser.parse("{\"a\": 1}");

            assertThat(catchThrowableOfType(UnsupportedOperationException.class,
                    () -> object.members().put("b", JsonValue.NULL))).isNotNull();
        }
    }

    @Nested
    class Writing {

        @Test
        void writes_flat_objects_on_one_line_and_nested_ones_indented() {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            members.put("name", JsonValue.of("x"));
            members.put("list", JsonArray.of(List.of(JsonValue.of(1), JsonValue.of(2))));
            members.put("items", JsonArray.of(List.of(JsonObject.of(Map.of("a", JsonValue.of(true))))));
            members.put("empty", JsonObject.of(Map.of()));

            assertThat(JsonWriter.write(JsonObject.of(members))).isEqualTo("""
                    {
                      "name": "x",
                      "list": [1, 2],
                      "items": [
                        { "a": true }
                      ],
                      "empty": {}
                    }
                    """);
        }

        @Test
        void keeps_a_flat_object_on_one_line_however_long() {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                members.put("root/child_" + i, JsonValue.NULL);
            }

            String text = JsonWriter.write(JsonObject.of(Map.of("final", JsonObject.of(members))));

            assertThat(text.lines()).hasSize(3).element(1).asString()
                    .startsWith("  \"final\": { \"root/child_0\": null, ").endsWith("\"root/child_11\": null }");
        }

        @Test
        void escapes_quotes_backslashes_controls_and_lone_surrogates() {
            String value = "q\" b\\ \n\u0001 \ud800";

            assertThat(JsonWriter.quote(value)).isEqualTo("\"q\\\" b\\\\ \\n\\u0001 \\ud800\"");
            assertThat(JsonParser.parse(JsonWriter.quote(value))).isEqualTo(new JsonString(value));
        }

        @Test
        void what_is_written_parses_back_equal() {
            JsonValue value = JsonParser.parse("{\"a\": [1, {\"b\": [[], {}]}, \"\u00e9\", -3.5e-2, null], \"c\": false}");

            assertThat(JsonParser.parse(JsonWriter.write(value))).isEqualTo(value);
        }
    }
}
