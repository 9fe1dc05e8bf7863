package io.github.ticdcfake.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.fault.Operation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md lists every {@link Operation} with its exact route, and no page writes a route
 * template (in a code span or a JSON {@code "route"}) a fault rule would not accept (such as {@code
 * {id}} for {@code {changefeed_id}}).
 */
class DocRoutesTest {
  private static final Path OPERATIONS = Docs.ROOT.resolve("docs/operations.md");
  private static final Pattern ROUTE_SPAN =
      Pattern.compile(
          "[`\"](GET|POST|PUT|DELETE) (/(?:api/v[12]|status|debug|metrics)[^`\"\\s]*)[`\"]");

  @Test
  void everyOperationAppearsInTheOperationsPageWithItsRouteTemplate() {
    String page = String.join("\n", Docs.lines(OPERATIONS));
    List<String> missing = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      if (!page.contains("`" + operation.route() + "`")) {
        missing.add(operation.name() + " `" + operation.route() + "`");
      }
    }
    assertThat(missing).as("operations missing from docs/operations.md").isEmpty();
  }

  @Test
  void everyRouteTemplateInTheDocsIsOneFaultRulesAccept() {
    List<String> wrong = new ArrayList<>();
    for (Path doc : Docs.markdownFiles()) {
      List<String> lines = Docs.lines(doc);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = ROUTE_SPAN.matcher(lines.get(i));
        while (m.find()) {
          String route = m.group(1) + " " + m.group(2);
          if (route.contains("{") && Operation.fromRoute(route) == null) {
            wrong.add(Docs.ROOT.relativize(doc) + ":" + (i + 1) + ": " + route);
          }
        }
      }
    }
    assertThat(wrong).as("route templates no fault rule accepts").isEmpty();
  }

  @Test
  void aPathTemplateWithAnotherPlaceholderIsCaught() {
    Matcher m = ROUTE_SPAN.matcher("see `POST /api/v2/changefeeds/{id}/pause` and");

    assertThat(m.find()).isTrue();
    assertThat(Operation.fromRoute(m.group(1) + " " + m.group(2))).isNull();
    assertThat(Operation.fromRoute("POST /api/v2/changefeeds/{changefeed_id}/pause"))
        .isEqualTo(Operation.PAUSE_CHANGEFEED);
  }
}
