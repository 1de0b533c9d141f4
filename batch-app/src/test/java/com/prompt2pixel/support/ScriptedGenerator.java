package com.prompt2pixel.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.prompt2pixel.models.CompositorGenerator;
import com.prompt2pixel.models.GeneratedImage;
import com.prompt2pixel.models.ImageGenerator;
import com.prompt2pixel.models.ImageRequest;
import com.prompt2pixel.models.RgbImage;

/**
 * The compositor, with faults and degenerate outputs that a test can switch on: fail on
 * the k-th image, return one identical image for every request (or noisy copies of one
 * image), or a blank image for prompts containing a word; or hold every call after the
 * n-th image until released. Counts every image it rendered.
 */
public class ScriptedGenerator implements ImageGenerator {

	private final CompositorGenerator compositor = new CompositorGenerator();

	private final AtomicInteger rendered = new AtomicInteger();

	private volatile int failOnImage;

	private volatile boolean sameImageForAll;

	/** Each image a copy of this one with a little noise of its own; null: none. */
	private volatile BufferedImage copiesOf;

	private volatile String blankFor;

	private volatile String refuseFor;

	/** Added to every image's rendering time, so a chunk takes a known while. */
	private volatile long millisPerImage;

	/** Images after which generate() waits for {@link #release()}; 0: never waits. */
	private volatile int holdAfter;

	private volatile CountDownLatch held = new CountDownLatch(1);

	private volatile CountDownLatch release = new CountDownLatch(1);

	/** Back to a plain compositor with a zero count. */
	public void reset() {
		this.rendered.set(0);
		this.failOnImage = 0;
		this.sameImageForAll = false;
		this.copiesOf = null;
		this.blankFor = null;
		this.refuseFor = null;
		this.holdAfter = 0;
		this.millisPerImage = 0;
		this.release.countDown();
		this.held = new CountDownLatch(1);
		this.release = new CountDownLatch(1);
	}

	/**
	 * From the call that would render image {@code images + 1} on, generate() waits until
	 * {@link #release()}: a run stays in the middle of a step for as long as a test
	 * needs.
	 */
	public void holdAfter(int images) {
		this.holdAfter = images;
	}

	/** Each image takes at least this long to render. */
	public void slowDown(long millisPerImage) {
		this.millisPerImage = millisPerImage;
	}

	/** Waits until a generate() call is being held. */
	public boolean awaitHeld(long seconds) throws InterruptedException {
		return this.held.await(seconds, TimeUnit.SECONDS);
	}

	/** Lets held and later calls through. */
	public void release() {
		this.holdAfter = 0;
		this.millisPerImage = 0;
		this.release.countDown();
	}

	/** Throws when asked for the k-th image (1-based) since the last reset, once. */
	public void failOnImage(int k) {
		this.failOnImage = k;
	}

	public void sameImageForAll() {
		this.sameImageForAll = true;
	}

	/**
	 * Every image a copy of the given one, each with noise of its own: no byte copies.
	 */
	public void noisyCopiesOf(BufferedImage image) {
		this.copiesOf = image;
	}

	public void blankForPromptsContaining(String word) {
		this.blankFor = word;
	}

	/**
	 * Refuses, as a backend refuses an input it cannot use, every batch holding a request
	 * whose prompt contains the word.
	 */
	public void refusePromptsContaining(String word) {
		this.refuseFor = word;
	}

	/** Images rendered (not counting the failed one) since the last reset. */
	public int rendered() {
		return this.rendered.get();
	}

	@Override
	public String backend() {
		return this.compositor.backend();
	}

	@Override
	public String model() {
		return this.compositor.model();
	}

	@Override
	public boolean generative() {
		return false;
	}

	@Override
	public List<GeneratedImage> generate(List<ImageRequest> requests) {
		if (this.holdAfter > 0 && this.rendered.get() >= this.holdAfter) {
			this.held.countDown();
			try {
				if (!this.release.await(60, TimeUnit.SECONDS)) {
					throw new IllegalStateException("held for 60 s and never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while held", ex);
			}
		}
		String refused = this.refuseFor;
		if (refused != null && requests.stream().anyMatch((request) -> request.prompt().contains(refused))) {
			throw new IllegalArgumentException("injected refusal of a prompt containing '" + refused + "'");
		}
		List<GeneratedImage> images = new ArrayList<>();
		if (this.millisPerImage > 0) {
			try {
				Thread.sleep(this.millisPerImage * requests.size());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while slowed down", ex);
			}
		}
		for (ImageRequest request : requests) {
			int number = this.rendered.get() + 1;
			if (number == this.failOnImage) {
				this.failOnImage = 0;
				throw new IllegalStateException("injected generator failure on image " + number);
			}
			images.add(render(request));
			this.rendered.incrementAndGet();
		}
		return images;
	}

	private GeneratedImage render(ImageRequest request) {
		if (this.blankFor != null && request.prompt().contains(this.blankFor)) {
			return image(RgbImage.of(flatGrey(request.width(), request.height())));
		}
		if (this.sameImageForAll) {
			return image(sameImage());
		}
		BufferedImage original = this.copiesOf;
		if (original != null) {
			return image(RgbImage.of(noisyCopy(original, this.rendered.get())));
		}
		return this.compositor.generate(List.of(request)).get(0);
	}

	private RgbImage sameImage() {
		BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, 64, 64);
		g.setColor(Color.BLUE);
		g.fillOval(16, 16, 32, 32);
		g.dispose();
		return RgbImage.of(image);
	}

	private static BufferedImage noisyCopy(BufferedImage original, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		BufferedImage copy = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < copy.getHeight(); y++) {
			for (int x = 0; x < copy.getWidth(); x++) {
				int rgb = original.getRGB(x, y);
				int noisy = 0;
				for (int shift = 16; shift >= 0; shift -= 8) {
					int value = ((rgb >> shift) & 0xFF) + random.nextInt(-6, 7);
					noisy |= Math.max(0, Math.min(255, value)) << shift;
				}
				copy.setRGB(x, y, noisy);
			}
		}
		return copy;
	}

	private static BufferedImage flatGrey(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.GRAY);
		g.fillRect(0, 0, width, height);
		g.dispose();
		return image;
	}

	private GeneratedImage image(RgbImage pixels) {
		return new GeneratedImage(pixels, backend(), model(), false, 1);
	}

}
