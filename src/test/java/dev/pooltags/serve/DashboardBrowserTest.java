package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.bench.SyntheticLeakSeries;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium, driven by chromedriver: the table fills, sorts and filters, a
 * click charts a row, the page loads nothing from anywhere but the server. The screenshot is left in
 * {@code target/dashboard.png}.
 */
class DashboardBrowserTest {
    private WebServer server;
    private WebDriver driver;

    @TempDir
    Path profile;

    @BeforeEach
    void start() {
        Path chromium = Tools.require("chromium");
        Path chromedriver = Tools.require("chromedriver");
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler s = new PoolSampler(dev.pooltags.snapshot.SnapshotSources.replay("replay:dashboard-test",
                SyntheticLeakSeries.series(60, 20, Duration.ofSeconds(5), 3)), tag -> {
                    var e = ServeFixtures.OWNERS.owner(tag);
                    return e == null ? null : e.binary();
                }, new CardinalityLimit(List.of(), List.of(), 40, List.of()), VerdictProvider.NONE, new History(60),
                registry, System::nanoTime, java.time.Clock.systemUTC(), line -> {});
        for (int i = 0; i < 20; i++) {
            s.sample();
        }
        server = WebServer.start(new WebServer.Options(InetAddress.getLoopbackAddress(), 0, false, WebConfig.NONE, 0, 2),
                s, 60, registry, line -> {}); // the page refreshes every 60 s: no re-render under the test's feet
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#tags tbody tr"));
    }

    private static String cell(WebElement row, int column) {
        return row.findElements(By.tagName("td")).get(column).getText();
    }

    /** The table as shown, read in one go: per row, each cell's text, plus the Bytes cell's exact value. */
    @SuppressWarnings("unchecked")
    private List<List<String>> table() {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#tags tbody tr')].map(tr => [...tr.cells].map(td => td.textContent)"
                        + ".concat([tr.cells[3].title.replace(/[^0-9]/g, '')]))");
    }

    @Test
    void tableSortsFiltersAndChartsARow() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.baseUri().toString());
        wait.until(d -> rows().size() == 60);
        assertThat(driver.findElement(By.id("status")).getText()).contains("synthetic:60-tags", "20 samples");
        assertThat(driver.findElement(By.id("verdict-note")).getText()).contains("no leak analysis in this build", "(95 s of sample time)",
                "not verdicts");
        assertThat(table().get(0).get(9)).isEqualTo("n/a");

        // default order: bytes, largest first
        List<List<String>> t = table();
        for (int i = 1; i < t.size(); i++) {
            assertThat(Long.parseLong(t.get(i - 1).get(10))).isGreaterThanOrEqualTo(Long.parseLong(t.get(i).get(10)));
        }
        // rows beyond the top 40 are marked as not exported
        assertThat(driver.findElements(By.cssSelector("#tags tbody tr.unexported"))).hasSize(20);

        // click Tag: ascending by tag
        driver.findElement(By.cssSelector("th[data-key=tag]")).click();
        wait.until(d -> driver.findElement(By.cssSelector("th[data-key=tag]")).getAttribute("class").contains("sorted-asc"));
        t = table();
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i - 1).get(0).compareTo(t.get(i).get(0))).isLessThanOrEqualTo(0);
        }
        // click again: descending
        driver.findElement(By.cssSelector("th[data-key=tag]")).click();
        t = table();
        assertThat(t.get(0).get(0).compareTo(t.get(t.size() - 1).get(0))).isGreaterThan(0);

        // filter by text, then by a PoolMon pattern
        WebElement filter = driver.findElement(By.id("filter"));
        filter.sendKeys("leak");
        wait.until(d -> rows().size() == 1);
        WebElement leak = rows().get(0);
        assertThat(cell(leak, 0)).isEqualTo("Leak");
        assertThat(cell(leak, 2)).isEqualTo("leakydrv.sys");
        assertThat(leak.findElements(By.tagName("td")).get(7).getAttribute("class")).contains("grow");
        assertThat(cell(leak, 7)).isEqualTo("+1.19 MiB"); // 19 samples of 64 KiB each
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("1 of 60 rows");

        // click the row: its chart
        leak.click();
        wait.until(d -> driver.findElement(By.id("chart-panel")).isDisplayed()
                && !driver.findElements(By.cssSelector("#chart polyline")).isEmpty());
        String points = driver.findElement(By.cssSelector("#chart polyline")).getAttribute("points");
        assertThat(points.trim().split(" ")).hasSize(20);
        assertThat(driver.findElement(By.id("chart-title")).getText()).isEqualTo("Leak (Nonp, leakydrv.sys)");
        assertThat(driver.findElement(By.id("chart-caption")).getText()).contains("20 samples", "+1.19 MiB");

        filter.clear();
        filter.sendKeys("C?ch");
        wait.until(d -> rows().size() == 1 && cell(rows().get(0), 0).equals("Cach"));

        // nothing came from anywhere but this server
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).isNotEmpty().allMatch(u -> u.startsWith(server.baseUri().toString()));

        filter.clear();
        filter.sendKeys(" ");
        wait.until(d -> rows().size() == 60);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
