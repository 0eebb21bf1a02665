package io.tokenmaxx.bench.gateway;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client on a blocking socket, so that the load generator adds as
 * little as possible to what it measures: it writes prepared request bytes and reads the answer
 * (Content-Length or chunked), noting when the first body byte arrived.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  /** Nanos (System.nanoTime) when the last answer's first body byte arrived. */
  long firstBodyByte;
  int status;

  RawHttp(String host, int port) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(60_000);
    in = new BufferedInputStream(socket.getInputStream(), 65536);
    out = socket.getOutputStream();
  }

  static byte[] request(String path, String host, String[] headers, String body) {
    StringBuilder sb = new StringBuilder();
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    sb.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
    for (String h : headers) sb.append(h).append("\r\n");
    sb.append("Content-Type: application/json\r\nContent-Length: ").append(b.length).append("\r\n\r\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + b.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(b, 0, all, head.length, b.length);
    return all;
  }

  /** Sends and reads one answer; returns its body length. Throws on a non-2xx status. */
  long exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    return readAnswer(null);
  }

  interface ChunkListener {
    void chunk(long nanos);
  }

  long exchange(byte[] request, ChunkListener chunks) throws IOException {
    out.write(request);
    out.flush();
    return readAnswer(chunks);
  }

  private long readAnswer(ChunkListener chunks) throws IOException {
    String statusLine = line();
    status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    String h;
    while (!(h = line()).isEmpty()) {
      int c = h.indexOf(':');
      String name = h.substring(0, c).trim();
      if (name.equalsIgnoreCase("content-length")) length = Long.parseLong(h.substring(c + 1).trim());
      else if (name.equalsIgnoreCase("transfer-encoding") && h.toLowerCase().contains("chunked")) chunked = true;
    }
    long total = 0;
    firstBodyByte = 0;
    if (chunked) {
      while (true) {
        String size = line();
        int semi = size.indexOf(';');
        long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
        if (n == 0) {
          while (!line().isEmpty()) { /* trailers */ }
          break;
        }
        skip(n, chunks);
        total += n;
        line();
      }
    } else if (length > 0) {
      skip(length, chunks);
      total = length;
    }
    if (status / 100 != 2) throw new IOException("status " + status);
    return total;
  }

  private void skip(long n, ChunkListener chunks) throws IOException {
    int first = in.read();
    if (first < 0) throw new IOException("connection closed");
    long now = System.nanoTime();
    if (firstBodyByte == 0) firstBodyByte = now;
    if (chunks != null) chunks.chunk(now);
    n--;
    while (n > 0) {
      long s = in.skip(n);
      if (s <= 0) {
        if (in.read() < 0) throw new IOException("connection closed");
        s = 1;
      }
      n -= s;
    }
  }

  private final StringBuilder lineBuf = new StringBuilder(128);

  private String line() throws IOException {
    lineBuf.setLength(0);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') break;
      if (c != '\r') lineBuf.append((char) c);
    }
    if (c < 0 && lineBuf.isEmpty()) throw new IOException("connection closed");
    return lineBuf.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
