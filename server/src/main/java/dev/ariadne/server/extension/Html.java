package dev.ariadne.server.extension;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;

/** Plain server-rendered pages for zpages: no scripts, no external assets; every value escaped. */
final class Html {
  private static final String STYLE = "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
      + "td,th{border:1px solid #bbb;padding:.2em .6em;text-align:left}th{background:#eee}";

  private Html() {}

  static HttpResponse page(String title, String body) {
    String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
        + STYLE + "</style></head><body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body></html>\n";
    return HttpResponse.of(HttpStatus.OK, MediaType.HTML_UTF_8, html);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A table row of already escaped cells. */
  static String row(String tag, String... cells) {
    StringBuilder row = new StringBuilder("<tr>");
    for (String cell : cells) row.append('<').append(tag).append('>').append(cell).append("</").append(tag).append('>');
    return row.append("</tr>\n").toString();
  }
}
