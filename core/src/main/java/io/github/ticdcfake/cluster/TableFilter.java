package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * TiDB's table filter as TiCDC applies {@code filter.rules}: {@code schema.table} patterns with
 * {@code *}, {@code ?} and {@code [...]}, {@code !} to exclude, the last matching rule wins, and
 * system schemas never replicate.
 */
final class TableFilter {
  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of("information_schema", "performance_schema", "metrics_schema", "mysql", "sys");

  private record Rule(boolean exclude, String schema, String table) {}

  private final List<Rule> rules;
  private final boolean caseSensitive;

  private TableFilter(List<Rule> rules, boolean caseSensitive) {
    this.rules = rules;
    this.caseSensitive = caseSensitive;
  }

  /** Parses rules, failing with TiCDC's {@code CDC:ErrFilterRuleInvalid} on bad syntax. */
  static TableFilter parse(List<String> rawRules, boolean caseSensitive) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : rawRules) {
      String rule = raw.strip();
      if (rule.isEmpty() || rule.startsWith("#")) {
        continue;
      }
      boolean exclude = rule.startsWith("!");
      if (exclude) {
        rule = rule.substring(1);
      }
      int dot = findDot(rule);
      if (dot <= 0 || dot == rule.length() - 1 || !balanced(rule)) {
        throw CdcError.FILTER_RULE_INVALID.raise(
            List.of(raw)
                + ": Error in line 1 of the table filter rule: wrong table pattern: "
                + raw);
      }
      String schema = rule.substring(0, dot);
      String table = rule.substring(dot + 1);
      if (!caseSensitive) {
        schema = schema.toLowerCase(Locale.ROOT);
        table = table.toLowerCase(Locale.ROOT);
      }
      rules.add(new Rule(exclude, schema, table));
    }
    return new TableFilter(rules, caseSensitive);
  }

  private static int findDot(String rule) {
    boolean inClass = false;
    for (int i = 0; i < rule.length(); i++) {
      char c = rule.charAt(i);
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '.' && !inClass) {
        return rule.indexOf('.', i + 1) < 0 ? i : -1;
      }
    }
    return -1;
  }

  private static boolean balanced(String rule) {
    int depth = 0;
    for (char c : rule.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
      if (depth < 0 || depth > 1) {
        return false;
      }
    }
    return depth == 0;
  }

  /**
   * Whether a schema may hold tables the filter selects (TiDB's {@code MatchSchema}, negated in
   * ticdc's {@code ShouldIgnoreSchema}): the last rule whose schema pattern matches decides, but an
   * exclusion decides only when it excludes every table of the schema ({@code !db.*}).
   */
  boolean matchesSchema(String schema) {
    if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String s = caseSensitive ? schema : schema.toLowerCase(Locale.ROOT);
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule rule = rules.get(i);
      if (glob(rule.schema(), s) && (!rule.exclude() || rule.table().equals("*"))) {
        return !rule.exclude();
      }
    }
    return false;
  }

  boolean matches(String schema, String table) {
    if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String s = caseSensitive ? schema : schema.toLowerCase(Locale.ROOT);
    String t = caseSensitive ? table : table.toLowerCase(Locale.ROOT);
    boolean matched = false;
    for (Rule rule : rules) {
      if (glob(rule.schema(), s) && glob(rule.table(), t)) {
        matched = !rule.exclude();
      }
    }
    return matched;
  }

  static boolean glob(String pattern, String text) {
    return glob(pattern, 0, text, 0);
  }

  private static boolean glob(String p, int pi, String t, int ti) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = ti; k <= t.length(); k++) {
          if (glob(p, pi + 1, t, k)) {
            return true;
          }
        }
        return false;
      }
      if (ti >= t.length()) {
        return false;
      }
      if (c == '?') {
        pi++;
        ti++;
      } else if (c == '[') {
        int close = p.indexOf(']', pi);
        String set = p.substring(pi + 1, close);
        boolean negate = set.startsWith("!") || set.startsWith("^");
        if (negate) {
          set = set.substring(1);
        }
        boolean in = false;
        char ch = t.charAt(ti);
        for (int i = 0; i < set.length(); i++) {
          if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
            in |= ch >= set.charAt(i) && ch <= set.charAt(i + 2);
            i += 2;
          } else {
            in |= ch == set.charAt(i);
          }
        }
        if (in == negate) {
          return false;
        }
        pi = close + 1;
        ti++;
      } else {
        if (c == '\\' && pi + 1 < p.length()) {
          c = p.charAt(++pi);
        }
        if (c != t.charAt(ti)) {
          return false;
        }
        pi++;
        ti++;
      }
    }
    return ti == t.length();
  }
}
