package dev.ariadne.server.api.ui;

import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ServerCacheControl;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.file.FileService;
import com.linecorp.armeria.server.file.HttpFile;
import java.util.List;

/**
 * The web UI on the Jaeger query port, from the classpath resources the {@code ui} module packages under
 * {@code dev/ariadne/ui/}: the hashed script and style sheet under /static/ (cached for good, sent gzipped
 * to browsers that accept it), and index.html for every page's URL (Jaeger UI's: /search, /trace/…,
 * /dependencies), where the script reads the URL and draws the page. /api/… stays the APIs'.
 */
public final class WebUi {
  private static final String ROOT = "dev/ariadne/ui";
  /** Paths answered with the page itself; /trace/ covers /trace/{id} and /trace/{a}...{b}. */
  static final List<String> PAGES = List.of("/", "/search", "/dependencies");
  static final String TRACE_PAGES = "/trace/";

  public void bind(ServerBuilder sb) {
    ClassLoader loader = WebUi.class.getClassLoader();
    sb.serviceUnder("/static/", FileService.builder(loader, ROOT + "/static")
        .serveCompressedFiles(true)
        .autoDecompress(true)
        .cacheControl(ServerCacheControl.IMMUTABLE)
        .build());
    // The page names the current hashed assets, so it must be revalidated on every load.
    HttpService page = HttpFile.builder(loader, ROOT + "/index.html")
        .contentType(MediaType.HTML_UTF_8)
        .cacheControl(ServerCacheControl.REVALIDATED)
        .build()
        .asService();
    for (String path : PAGES) sb.service(path, page);
    sb.serviceUnder(TRACE_PAGES, page);
  }
}
