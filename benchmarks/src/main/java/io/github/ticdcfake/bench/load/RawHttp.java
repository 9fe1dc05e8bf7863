package io.github.ticdcfake.bench.load;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client over one socket with {@code TCP_NODELAY}: writes a pre-encoded request
 * in one write and reads the response (Content-Length or chunked) into a reused buffer. Cheap
 * enough that on 2 cores the client does not dominate what is measured (see BENCHMARKS.md).
 */
public final class RawHttp implements Closeable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private byte[] lastBody = new byte[0];
  private String lastContentType;

  public RawHttp(String host, int port) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(30_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Encodes a request; {@code body} may be null (no body, no Content-Length). */
  public static byte[] request(String method, String target, int port, byte[] body) {
    StringBuilder head = new StringBuilder(128);
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
    if (body == null) {
      return h;
    }
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /** Sends one request and reads the whole response; returns the status code. */
  public int exchange(byte[] request, boolean keepBody) throws IOException {
    out.write(request);
    out.flush();
    return readResponse(keepBody);
  }

  /** The body of the last response read with {@code keepBody}. */
  public byte[] lastBody() {
    return lastBody;
  }

  /** The Content-Type of the last response. */
  public String lastContentType() {
    return lastContentType;
  }

  private int readResponse(boolean keepBody) throws IOException {
    String statusLine = readLine();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    lastContentType = null;
    String line;
    while (!(line = readLine()).isEmpty()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("content-length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("transfer-encoding")
          && value.toLowerCase().contains("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("content-type")) {
        lastContentType = value;
      }
    }
    java.io.ByteArrayOutputStream kept = keepBody ? new java.io.ByteArrayOutputStream() : null;
    if (chunked) {
      while (true) {
        String size = readLine();
        int semi = size.indexOf(';');
        long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          while (!readLine().isEmpty()) {
            // trailers
          }
          break;
        }
        skip(n, kept);
        readLine();
      }
    } else if (contentLength > 0) {
      skip(contentLength, kept);
    } else if (contentLength < 0 && status != 204 && status != 304) {
      throw new IOException("response without length: " + statusLine);
    }
    if (keepBody) {
      lastBody = kept.toByteArray();
    }
    return status;
  }

  private void skip(long n, java.io.ByteArrayOutputStream kept) throws IOException {
    while (n > 0) {
      if (pos == limit) {
        fill();
      }
      int take = (int) Math.min(n, limit - pos);
      if (kept != null) {
        kept.write(buf, pos, take);
      }
      pos += take;
      n -= take;
    }
  }

  private String readLine() throws IOException {
    StringBuilder sb = null;
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
          String part = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          if (sb == null) {
            return part;
          }
          sb.append(part);
          int len = sb.length();
          if (len > 0 && sb.charAt(len - 1) == '\r') {
            sb.setLength(len - 1);
          }
          return sb.toString();
        }
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(new String(buf, pos, limit - pos, StandardCharsets.ISO_8859_1));
      pos = limit;
      fill();
    }
  }

  private void fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      throw new EOFException("connection closed");
    }
    pos = 0;
    limit = n;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
