package io.github.ticdcfake.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the docs resolves: the file exists, and an {@code #anchor} names a heading
 * of the target page the way GitHub derives heading ids. Absolute {@code http(s)} links are not
 * fetched (the build is offline).
 */
class DocLinksTest {
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  @Test
  void everyRelativeLinkAndAnchorResolves() {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path doc : Docs.markdownFiles()) {
      List<String> prose = Docs.prose(doc);
      for (int i = 0; i < prose.size(); i++) {
        Matcher m = LINK.matcher(CODE_SPAN.matcher(prose.get(i)).replaceAll(""));
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-z]+:.*")) {
            continue; // http:, https:, mailto:
          }
          checked++;
          String where = Docs.ROOT.relativize(doc) + ":" + (i + 1) + ": " + target;
          int hash = target.indexOf('#');
          String path = hash < 0 ? target : target.substring(0, hash);
          Path file = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
          if (!file.startsWith(Docs.ROOT) || !Files.exists(file)) {
            broken.add(where + " (no such file)");
          } else if (hash >= 0) {
            if (!file.toString().endsWith(".md")) {
              broken.add(where + " (anchor into a non-Markdown file)");
            } else if (!anchors(file).contains(target.substring(hash + 1))) {
              broken.add(where + " (no heading with that anchor in " + file.getFileName() + ")");
            }
          }
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
    assertThat(checked).as("relative links checked").isGreaterThan(20);
  }

  @Test
  void githubAnchorsAreDerivedLikeGitHub() {
    assertThat(slug("Standalone jar and the `/__fake` admin API"))
        .isEqualTo("standalone-jar-and-the-__fake-admin-api");
    assertThat(slug("From Python, Go and the shell")).isEqualTo("from-python-go-and-the-shell");
    assertThat(slug("TLS, mTLS and client authentication"))
        .isEqualTo("tls-mtls-and-client-authentication");
  }

  /** The anchors GitHub gives the headings of {@code file}, duplicates numbered -1, -2, …. */
  static Set<String> anchors(Path file) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : Docs.prose(file)) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        String slug = slug(m.group(1));
        int n = seen.merge(slug, 1, Integer::sum);
        anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
    }
    return anchors;
  }

  /** GitHub's heading id: lower case, punctuation other than '-' and '_' dropped, spaces '-'. */
  static String slug(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
