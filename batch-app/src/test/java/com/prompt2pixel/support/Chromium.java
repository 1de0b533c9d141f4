package com.prompt2pixel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the web admin's tests, driven through its chromedriver:
 * Debian's {@code chromium} and {@code chromium-driver} (the README and {@code .ci/run}
 * install them), or the binaries that {@code CHROME_BIN} and {@code CHROMEDRIVER} name.
 * Selenium's own manager never downloads a browser: the paths are given.
 */
public final class Chromium {

	/** Where the tests' screenshots go. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	public static ChromeDriver start() {
		Path browser = binary("CHROME_BIN", "/usr/bin/chromium");
		Path driver = binary("CHROMEDRIVER", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions().setBinary(browser.toFile())
			// the flags a headless browser needs as root in a container, and none of
			// Chromium's own calls home (this machine's network is closed)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
					"--no-first-run", "--window-size=1280,1000", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return chrome;
	}

	/** Saves what the browser shows now as {@code target/screenshots/<name>.png}. */
	public static Path screenshot(ChromeDriver chrome, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, chrome.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path binary(String variable, String fallback) {
		String configured = System.getenv(variable);
		Path path = Path.of((configured == null || configured.isBlank()) ? fallback : configured);
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException("the web admin's browser tests need " + path
					+ " (Debian: apt-get install chromium chromium-driver, as the README says; or set " + variable
					+ ")");
		}
		return path;
	}

}
