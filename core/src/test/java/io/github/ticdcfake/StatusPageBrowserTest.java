package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The status page as a person sees it, in the system's headless Chromium driven by its chromedriver
 * (Debian's {@code chromium} and {@code chromium-driver}); skipped when they are not installed.
 * Selenium Manager is never asked: the driver and browser paths are given.
 */
class StatusPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  private static final String HOSTILE =
      "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> & \"sink\"";

  private static ChromeDriver browser;
  private static Path profile;

  private final PdClock clock = PdClock.manual(START);
  private final FakeTiCdcServer server =
      FakeTiCdcServer.builder().captures(3).clock(clock).adminToken("s3cret").start();
  private final FakeCluster cluster = server.cluster();

  @BeforeAll
  static void startBrowser() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "headless Chromium not installed (apt-get install chromium chromium-driver): the status"
            + " page's browser test is skipped");
    profile = Files.createTempDirectory("ticdc-fake-chromium");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--force-device-scale-factor=1",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /**
   * Waits (in the page, without sleeping here) until it has rendered new data at least {@code n}
   * times; the page rebuilds its DOM only when the data changed, so elements stay put between.
   */
  private void awaitRenders(int n) {
    ((JavascriptExecutor) browser)
        .executeAsyncScript(
            "var n = arguments[0], done = arguments[arguments.length - 1];"
                + "(function check() {"
                + "  if (Number(document.body.dataset.rendered || 0) >= n) { done(true); }"
                + "  else { setTimeout(check, 20); } })();",
            n);
  }

  private int renders() {
    Object n =
        ((JavascriptExecutor) browser).executeScript("return document.body.dataset.rendered");
    return n == null ? 0 : Integer.parseInt(n.toString());
  }

  private WebElement row(String section, String text) {
    return browser.findElement(
        By.xpath("//section[@id='" + section + "']//tr[contains(., '" + text + "')]"));
  }

  @Test
  void showsAScriptedFailureEscapedAndFollowsTheClusterLive() throws IOException {
    String ns = FakeCluster.DEFAULT_NAMESPACE;
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("orders-to-kafka")
            .sinkUri("kafka://127.0.0.1:9092/orders?protocol=canal-json")
            .build());
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("audit-log")
            .sinkUri("mysql://root:secret@127.0.0.1:3306/")
            .build());
    cluster.setCheckpointStalled(ns, "orders-to-kafka", true);
    cluster.forceState(
        ns, "audit-log", ChangefeedState.FAILED, CdcException.of("CDC:ErrSinkURIInvalid", HOSTILE));
    cluster
        .faults()
        .add(
            FaultRule.on(Operation.PAUSE_CHANGEFEED)
                .times(2)
                .inject(Fault.error(500, "CDC:ErrPDEtcdAPIError", "etcd api call error")));
    TestHttp.pooled(server.url()).post("/api/v2/changefeeds/orders-to-kafka/pause", "").raw();
    TestHttp.pooled(server.url()).get("/api/v2/changefeeds?state=all").raw();
    String killed = cluster.captures().get(2).id();
    cluster.killCapture(killed);

    browser.get(server.url().resolve("/__fake/?token=s3cret&interval=100").toString());
    awaitRenders(1);

    // the failed changefeed and its error, shown as text: no element was injected, nothing ran
    assertThat(row("changefeeds", "audit-log").getText()).contains("failed");
    WebElement problem = browser.findElement(By.cssSelector("#problems .problem"));
    assertThat(problem.getText()).contains("audit-log", "CDC:ErrSinkURIInvalid");
    assertThat(problem.findElement(By.cssSelector(".msg")).getText()).contains(HOSTILE);
    // (asked in the page: findElements would wait out the implicit timeout for an empty answer)
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return document.querySelectorAll('main script, main img').length"))
        .isEqualTo(0L);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned")).isNull();
    // the fault rule fired once of twice, and the faulted request is in the journal
    assertThat(row("faults", "POST /api/v2/changefeeds/{changefeed_id}/pause").getText())
        .contains("error 500 CDC:ErrPDEtcdAPIError")
        .endsWith("1 1");
    assertThat(row("requests", "/pause").getText()).contains("500", "rule 1: error 500");
    // captures: the owner marked, the killed one shown as killed
    assertThat(row("captures", cluster.requireOwner().id()).getText()).contains("owner", "alive");
    assertThat(row("captures", killed).getText()).contains("killed");
    assertThat(browser.findElement(By.id("clock")).getText())
        .contains("manual", "2024-05-20 10:00:00");
    assertThat(browser.findElement(By.id("conn")).getText()).startsWith("live");

    // it follows the cluster: the stalled changefeed's lag grows into the sparkline
    for (int i = 1; i <= 12; i++) {
      int before = renders();
      clock.advance(Duration.ofSeconds(10 * i));
      awaitRenders(before + 1);
    }
    cluster.faults().add(FaultRule.on(Operation.LIST_CAPTURES).inject(Fault.status(503, "down")));
    assertThat(row("faults", "GET /api/v2/captures").getText()).contains("forever");
    assertThat(row("changefeeds", "orders-to-kafka").getText()).contains("13 m");
    List<WebElement> sparkline =
        row("changefeeds", "orders-to-kafka").findElements(By.cssSelector("svg.spark polyline"));
    assertThat(sparkline).hasSize(1);
    assertThat(sparkline.get(0).getAttribute("points").split(" ")).hasSizeGreaterThan(10);

    // for the README's picture, an error as TiCDC would report it
    int before = renders();
    cluster.forceState(
        ns,
        "audit-log",
        ChangefeedState.FAILED,
        CdcException.of(
            "CDC:ErrReachMaxTry",
            "reach maximum try: 3, error: [CDC:ErrMySQLTxnError]MySQL txn error: Error 1146"
                + " (42S02): Table 'audit.log' doesn't exist"));
    awaitRenders(before + 1);
    screenshot();

    // the capture serving the page is killed: its port stops answering and the page says so
    cluster.killCapture(cluster.captures().get(0).id());
    assertThat(
            browser
                .findElement(By.xpath("//span[@id='conn' and starts-with(., 'disconnected')]"))
                .isDisplayed())
        .isTrue();
  }

  @Test
  void withoutTheTokenThePageIsRefused() {
    browser.get(server.url().resolve("/__fake/").toString());
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("FAKE:ErrUnauthorized");
  }

  /** Keeps a picture of the page for the README (core/target/status-page.png). */
  private void screenshot() throws IOException {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Path out = Path.of("target", "status-page.png");
    Files.createDirectories(out.getParent());
    Files.write(out, png);
  }
}
