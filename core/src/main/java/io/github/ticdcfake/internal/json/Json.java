package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The only door to Jackson: parses request bodies into plain trees the domain decodes with Go's
 * rules, and writes wire records the way Go's {@code encoding/json} does (HTML-safe escapes,
 * lower-case hex, compact or 4-space indented, no trailing newline).
 */
public final class Json {
  /** Thrown with the text Go's decoder would give, e.g. {@code unexpected EOF}. */
  public static final class SyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  private static final JsonFactory FACTORY = newFactory();
  private static final ObjectMapper MAPPER =
      new ObjectMapper(FACTORY).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  private static JsonFactory newFactory() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(10_000)
                    .maxStringLength(64 << 20)
                    .maxNumberLength(10_000)
                    .build())
            .build();
    factory.setCharacterEscapes(new GoEscapes());
    return factory;
  }

  /**
   * Parses the first JSON value of a body like Go's {@code json.Decoder.Decode}: an empty body is
   * {@code EOF}; whatever follows the first value is ignored.
   */
  public static Object parse(byte[] body) throws SyntaxException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new SyntaxException("EOF");
      }
      return read(parser, token);
    } catch (SyntaxException e) {
      throw e;
    } catch (JsonParseException e) {
      throw new SyntaxException(goMessage(e));
    } catch (IOException e) {
      throw new SyntaxException(e.getMessage() == null ? "unexpected EOF" : goMessage(e));
    }
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.put(name, read(parser, nextOrEof(parser)));
        }
        if (next == null) {
          throw new SyntaxException("unexpected EOF");
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new SyntaxException("unexpected EOF");
          }
          array.add(read(parser, next));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new BigDecimal(parser.getText());
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new SyntaxException("invalid character looking for beginning of value");
    }
  }

  private static JsonToken nextOrEof(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new SyntaxException("unexpected EOF");
    }
    return token;
  }

  private static String goMessage(IOException e) {
    if (e instanceof SyntaxException s) {
      return s.getMessage();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("end-of-input") || message.contains("Unexpected EOF")) {
      return "unexpected EOF";
    }
    int token = message.indexOf("Unrecognized token '");
    if (token >= 0 && message.length() > token + 20) {
      return "invalid character '"
          + message.charAt(token + 20)
          + "' looking for beginning of value";
    }
    int quote = message.indexOf("character ('");
    if (quote >= 0) {
      int start = quote + "character ('".length();
      int end = message.indexOf("'", start);
      String c = end > start ? message.substring(start, end) : "?";
      if (message.contains("was expecting comma") || message.contains("was expecting a colon")) {
        return "invalid character '" + c + "' after object key";
      }
      if (message.contains("was expecting double-quote")) {
        return "invalid character '" + c + "' looking for beginning of object key string";
      }
      return "invalid character '" + c + "' looking for beginning of value";
    }
    if (message.contains("Invalid UTF-8")) {
      return "invalid character looking for beginning of value";
    }
    if (message.contains("nesting depth")) {
      return "exceeded max depth";
    }
    String firstLine = message.lines().findFirst().orElse(message);
    return firstLine.toLowerCase(Locale.ROOT);
  }

  /** Go's {@code json.Marshal}: compact. */
  public static byte[] compact(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Go's {@code json.MarshalIndent(v, "", " ")}, as gin's {@code IndentedJSON}. */
  public static byte[] indented(Object value) {
    return indented(value, "    ");
  }

  /**
   * {@code json.MarshalIndent} with the given indent (TiCDC's root {@code /status} uses one space).
   */
  public static byte[] indented(Object value, String indent) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.setPrettyPrinter(new GoPrettyPrinter(indent));
      MAPPER.writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * MarshalIndent's layout: {@code "key": value}, empty containers as {@code {}} and {@code []}.
   */
  private static final class GoPrettyPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;
    private final String indent;

    GoPrettyPrinter(String indent) {
      super(
          Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withRootSeparator(""));
      this.indent = indent;
      DefaultIndenter indenter = new DefaultIndenter(indent, "\n");
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new GoPrettyPrinter(indent);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (nrOfEntries > 0) {
        super.writeEndObject(g, nrOfEntries);
      } else {
        _nesting--;
        g.writeRaw('}');
      }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (nrOfValues > 0) {
        super.writeEndArray(g, nrOfValues);
      } else {
        _nesting--;
        g.writeRaw(']');
      }
    }
  }

  /** Go's string escaping: {@code <>&} and U+2028/9 as lower-case {@code \\u} escapes. */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table;

    GoEscapes() {
      table = standardAsciiEscapesForJSON();
      for (int c = 0; c < 0x20; c++) {
        table[c] = ESCAPE_CUSTOM;
      }
      table['<'] = ESCAPE_CUSTOM;
      table['>'] = ESCAPE_CUSTOM;
      table['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case '\n' -> new SerializedString("\\n");
        case '\r' -> new SerializedString("\\r");
        case '\t' -> new SerializedString("\\t");
        case '\b' -> new SerializedString("\\b");
        case '\f' -> new SerializedString("\\f");
        default ->
            (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029)
                ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch))
                : null;
      };
    }
  }
}
