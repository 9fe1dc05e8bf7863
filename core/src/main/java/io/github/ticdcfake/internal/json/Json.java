package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The only door to Jackson: parses request bodies with Jackson's streaming parser into plain trees
 * the domain decodes with Go's rules, and writes wire records the way Go's {@code encoding/json}
 * does (HTML-safe escapes, lower-case hex, compact or 4-space indented, no trailing newline).
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

  private Json() {}

  /**
   * A Go {@code uint64}: printed unsigned, so values above {@code Long.MAX_VALUE} stay positive.
   */
  public static Object uint64(long value) {
    return value >= 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value));
  }

  /**
   * A streaming writer of compact JSON for the fake's own large answers (the journal), written in
   * one pass without Go's HTML escapes, where speed matters more than Go's byte form.
   */
  static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  /**
   * Starts loading Jackson's serializers for the wire records on a daemon thread, once per JVM, so
   * a fresh process answers its first request sooner: the work overlaps binding the ports instead
   * of following it (about a quarter of a cold start).
   */
  public static void warmUpInBackground() {
    WarmUp.touch();
  }

  /** Holder: class initialization runs the warm-up exactly once, without mutable static state. */
  private static final class WarmUp {
    static {
      Thread thread =
          new Thread(
              () -> {
                indented(new HttpError("[CDC:ErrX]x", "CDC:ErrX"));
                compact(new WarmUpList(1, java.util.List.of(new WarmUpItem("i", true, 0L))));
                try {
                  parse(
                      "{\"a\":[1,\"b\",true,null]}"
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (SyntaxException e) {
                  throw new IllegalStateException(e);
                }
              },
              "ticdc-fake-json-warm-up");
      thread.setDaemon(true);
      thread.start();
    }

    static void touch() {}

    /**
     * Shaped like the v2 views (records, explicit order, a list), which this package cannot name.
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"total", "items"})
    record WarmUpList(
        @com.fasterxml.jackson.annotation.JsonProperty("total") int total,
        @com.fasterxml.jackson.annotation.JsonProperty("items") java.util.List<WarmUpItem> items) {}

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"id", "is_owner", "ts"})
    @com.fasterxml.jackson.annotation.JsonInclude(
        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    record WarmUpItem(
        @com.fasterxml.jackson.annotation.JsonProperty("id") String id,
        @com.fasterxml.jackson.annotation.JsonProperty("is_owner") boolean isOwner,
        @com.fasterxml.jackson.annotation.JsonProperty("ts") Object ts) {}
  }

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

  /**
   * Builds the tree iteratively with an explicit stack: Go accepts 10 000 levels of nesting, which
   * recursion would turn into a stack overflow on an I/O thread.
   */
  @SuppressWarnings("unchecked")
  private static Object read(JsonParser parser, JsonToken first) throws IOException {
    ArrayDeque<Object> containers = new ArrayDeque<>(); // Map or List being filled
    ArrayDeque<String> names = new ArrayDeque<>(); // pending field name per open object
    JsonToken token = first;
    while (true) {
      Object value;
      switch (token) {
        case START_OBJECT -> {
          containers.push(new LinkedHashMap<String, Object>());
          token = nextField(parser, names);
          if (token == JsonToken.END_OBJECT) {
            value = containers.pop();
            break;
          }
          continue;
        }
        case START_ARRAY -> {
          containers.push(new ArrayList<>());
          token = nextOrEof(parser);
          if (token == JsonToken.END_ARRAY) {
            value = containers.pop();
            break;
          }
          continue;
        }
        case VALUE_STRING -> value = parser.getText();
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = new BigDecimal(parser.getText());
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_NULL -> value = null;
        default -> throw new SyntaxException("invalid character looking for beginning of value");
      }
      // Attach the finished value, closing every container it completes.
      while (true) {
        if (containers.isEmpty()) {
          return value;
        }
        Object parent = containers.peek();
        if (parent instanceof Map<?, ?> map) {
          ((Map<String, Object>) map).put(names.pop(), value);
          token = nextField(parser, names);
          if (token == JsonToken.END_OBJECT) {
            value = containers.pop();
            continue;
          }
        } else {
          ((List<Object>) parent).add(value);
          token = nextOrEof(parser);
          if (token == JsonToken.END_ARRAY) {
            value = containers.pop();
            continue;
          }
        }
        break;
      }
    }
  }

  /** After a field's value (or an object's start): the next field's value token, or its end. */
  private static JsonToken nextField(JsonParser parser, ArrayDeque<String> names)
      throws IOException {
    JsonToken token = nextOrEof(parser);
    if (token == JsonToken.END_OBJECT) {
      return token;
    }
    names.push(parser.currentName());
    return nextOrEof(parser);
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

  /**
   * Compact JSON pulled from {@code source} one piece at a time, each piece about {@code
   * pieceBytes} long and written into {@code chunk} from its start: an answer of megabytes is sent
   * while the rest is still to be written, from a buffer small enough to stay in the CPU cache.
   *
   * @param chunk the buffer every piece is written into (a piece that outgrows it takes a larger
   *     one)
   * @param pieceBytes how long a piece should get before the source ends it
   * @param source writes the JSON a piece at a time
   */
  public static Pieces pieces(byte[] chunk, int pieceBytes, PieceSource source) {
    return GoJsonWriter.pieces(chunk, pieceBytes, source);
  }

  /** The pieces of one JSON body, in order. */
  @FunctionalInterface
  public interface Pieces {
    /**
     * The next piece, or null when the body is complete; its array is reused for the piece after,
     * so it must be consumed before the next call.
     */
    Bytes next();
  }

  /** What writes a body piece by piece for {@link #pieces}. */
  @FunctionalInterface
  public interface PieceSource {
    /**
     * Writes the next piece into {@code out}, stopping at a value's end once {@code out} holds at
     * least {@code pieceBytes}; false when the whole body was written before (nothing written).
     * Marks from earlier pieces are void: each piece starts at position 0.
     */
    boolean writeNext(JsonOut out, int pieceBytes);
  }

  /**
   * The first {@code length} bytes of {@code array}: a body written into a buffer that may be
   * longer than it (and may be {@code scratch} itself, or a larger array when it was too small).
   *
   * @param array the buffer holding the bytes
   * @param length how many leading bytes are the body
   */
  public record Bytes(byte[] array, int length) {
    /** The body as an exact-length copy. */
    public byte[] toArray() {
      return java.util.Arrays.copyOf(array, length);
    }
  }

  /** Go's {@code json.Marshal}: compact. */
  public static byte[] compact(Object value) {
    return GoJsonWriter.write(value, null);
  }

  /** Go's {@code json.MarshalIndent(v, "", " ")}, as gin's {@code IndentedJSON}. */
  public static byte[] indented(Object value) {
    return GoJsonWriter.write(value, "    ");
  }

  /**
   * {@code json.MarshalIndent} with the given indent (TiCDC's root {@code /status} uses one space).
   */
  public static byte[] indented(Object value, String indent) {
    return GoJsonWriter.write(value, indent);
  }
}
