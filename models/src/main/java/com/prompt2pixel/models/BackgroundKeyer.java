package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Cuts a product out of a studio backdrop, without a model. In CIELAB, where distances
 * follow what the eye tells apart:
 * <ol>
 * <li>the backdrop is fitted to the photo's border as a smooth surface ({@link Backdrop}:
 * a sweep's gradient is part of it), with a threshold from how much the border strays
 * from it (its noise or weave), so a clean white backdrop is cut at under 1 ΔE and a
 * white mug's faint lit side stays the mug;</li>
 * <li>everything connected to the border through pixels within that threshold is
 * backdrop;</li>
 * <li>backdrop the product encloses (the inside of a ring, a mug's handle) is found and
 * reopened where the pixels around it are clearly product;</li>
 * <li>shadows are told from the product and dropped: a shadow is the backdrop darkened
 * (its hue kept), and it fades in from the backdrop, darkening further as one moves in,
 * where a product's edge steps, however faintly, and then stays. The product grows from
 * its edges and its coloured pixels, the shadow from where it fades in, over the smallest
 * colour steps first (a seeded watershed), so a white mug's smooth shading is claimed by
 * the mug before a shadow touching it can spread in. Next to a coloured product, a
 * uniform grey that steps in from the backdrop is a cast shadow too;</li>
 * <li>specks too small to be a product are dropped, and the product's rim gets a soft
 * alpha from how far it is from the backdrop compared with the product beside it.</li>
 * </ol>
 * What it cannot do: tell a white label on a dark bottle from a hole in it when the label
 * is exactly the backdrop's colour (both are reopened), or a grey product's hard shadow
 * from the product (it stays).
 */
final class BackgroundKeyer {

	/** The least threshold (ΔE): a clean backdrop still has 8-bit steps. */
	private static final double LEAST_THRESHOLD = 0.6;

	/** The threshold is this many times the border's noise. */
	private static final double NOISE_FACTOR = 2.5;

	/** A border that strays further than this (ΔE, 90th percentile) is a scene. */
	private static final double MOST_NOISE = 8;

	/** A backdrop whose colours span more than this (ΔE) is a scene. */
	private static final double MOST_RANGE = 45;

	/** A border straying more than this (ΔE) is textured: judged on local means. */
	private static final double TEXTURE_NOISE = 1.5;

	/** At least this share of the border must lie on the backdrop. */
	private static final double PLAIN_BORDER_SHARE = 0.9;

	/**
	 * Look this far (pixels) past a shadow's first pixel to see whether it keeps
	 * darkening.
	 */
	private static final int LOOK_AHEAD = 5;

	/** A shadow is at most this much more colourful (CIELAB chroma) than its backdrop. */
	private static final float MORE_CHROMA = 3;

	/** Within a shadow, neighbours differ by at most this (ΔE of lightness). */
	private static final double SHADOW_STEP = 4;

	/** Watershed buckets per ΔE between neighbours. */
	private static final int BUCKETS_PER_DE = 20;

	private static final int BUCKETS = 1024;

	/**
	 * On a textured backdrop, a hole seen through the product may stray this many
	 * thresholds from the backdrop: its own weave, less evened out in a small patch.
	 */
	private static final double HOLE_FACTOR = 2;

	/** Smallest product or reopened hole, as a share of the photo. */
	private static final double SPECK_SHARE = 0.0004;

	/** The four neighbours' offsets, {dx, dy}. */
	private static final int[][] STEPS = { { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 } };

	static final byte BACKDROP = 1;

	static final byte SHADOW = 2;

	static final byte PRODUCT = 3;

	private BackgroundKeyer() {
	}

	/**
	 * A photo keyed.
	 *
	 * @param alpha the product's alpha at the photo's size, row by row
	 * @param lab the photo's pixels in CIELAB, {@code [L, a, b]}, kept for the matte's
	 * confidence
	 * @param plain whether the border was a plain backdrop (if not, nothing was keyed and
	 * the alpha is all opaque)
	 */
	record Keyed(byte[] alpha, float[][] lab, boolean plain) {
	}

	static Keyed key(BufferedImage photo) {
		int width = photo.getWidth();
		int height = photo.getHeight();
		int[] rgb = overWhite(Pixels.argb(photo));
		float[][] lab = Lab.toLab(rgb);
		byte[] alpha = new byte[rgb.length];
		Backdrop backdrop = Backdrop.fit(lab, width, height);
		float[][] seen = lab;
		if (backdrop.noise() > TEXTURE_NOISE) {
			// a weave or grain: judged on the local mean, where it evens out
			seen = new float[][] { smooth(lab[0], width, height), smooth(lab[1], width, height),
					smooth(lab[2], width, height) };
			backdrop = Backdrop.fit(seen, width, height);
		}
		boolean plain = backdrop.noise() <= MOST_NOISE && backdrop.range() <= MOST_RANGE
				&& backdrop.share() >= PLAIN_BORDER_SHARE;
		if (!plain) {
			Arrays.fill(alpha, (byte) 255);
			return new Keyed(alpha, lab, false);
		}
		new Cut(lab, seen, backdrop, width, height, seen != lab).into(alpha);
		return new Keyed(alpha, lab, true);
	}

	/**
	 * A channel through a 5-tap [1 2 2 2 1] / 8 filter across and down: a pattern that
	 * repeats every two pixels (a weave's threads) cancels exactly, finer grain mostly.
	 */
	private static float[] smooth(float[] channel, int width, int height) {
		float[] across = new float[channel.length];
		float[] weights = { 1, 2, 2, 2, 1 };
		for (int y = 0; y < height; y++) {
			int row = y * width;
			for (int x = 0; x < width; x++) {
				float sum = 0;
				for (int k = -2; k <= 2; k++) {
					sum += weights[k + 2] * channel[row + Math.max(0, Math.min(width - 1, x + k))];
				}
				across[row + x] = sum / 8;
			}
		}
		float[] down = new float[channel.length];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				float sum = 0;
				for (int k = -2; k <= 2; k++) {
					sum += weights[k + 2] * across[Math.max(0, Math.min(height - 1, y + k)) * width + x];
				}
				down[y * width + x] = sum / 8;
			}
		}
		return down;
	}

	/** A transparent photo's clear pixels are white: keyed as a white backdrop. */
	private static int[] overWhite(int[] argb) {
		for (int i = 0; i < argb.length; i++) {
			int a = argb[i] >>> 24;
			if (a < 255) {
				int p = argb[i];
				int r = (((p >> 16) & 0xFF) * a + 255 * (255 - a)) / 255;
				int g = (((p >> 8) & 0xFF) * a + 255 * (255 - a)) / 255;
				int b = ((p & 0xFF) * a + 255 * (255 - a)) / 255;
				argb[i] = (r << 16) | (g << 8) | b;
			}
		}
		return argb;
	}

	/** One photo's cut, step by step. */
	private static final class Cut {

		private final float[] l;

		private final float[] a;

		private final float[] b;

		private final int width;

		private final int height;

		private final int n;

		/** ΔE from the backdrop's colour at each pixel. */
		private final float[] distance;

		/** How much darker than the backdrop each pixel is (ΔL). */
		private final float[] darkening;

		private final boolean[] shadowLike;

		/** Whether a pixel's hue differs from the backdrop's beyond what light does. */
		private final boolean[] hued;

		private final double threshold;

		/** How far from the backdrop a hole seen through the product may be. */
		private final double holeLimit;

		private final byte[] label;

		private final int[] queue;

		/** The photo's own pixels (where {@code l, a, b} may be local means). */
		private final float[][] raw;

		private final Backdrop backdrop;

		Cut(float[][] raw, float[][] lab, Backdrop backdrop, int width, int height, boolean textured) {
			this.raw = raw;
			this.l = lab[0];
			this.a = lab[1];
			this.b = lab[2];
			this.width = width;
			this.height = height;
			this.n = width * height;
			this.perRow = 1.0 / width;
			this.threshold = Math.max(LEAST_THRESHOLD, NOISE_FACTOR * backdrop.noise());
			this.textured = textured;
			this.holeLimit = textured ? HOLE_FACTOR * this.threshold : this.threshold;
			this.backdrop = backdrop;
			this.distance = new float[this.n];
			this.darkening = new float[this.n];
			this.shadowLike = new boolean[this.n];
			this.hued = new boolean[this.n];
			measure(lab, backdrop, (float) this.threshold, width, height, this.distance, this.darkening,
					this.shadowLike, this.hued);
			this.label = new byte[this.n];
			this.queue = new int[this.n];
		}

		private final boolean textured;

		/** 1 / width, for {@link #column}. */
		private final double perRow;

		/**
		 * Each pixel against the backdrop's colour there: its distance, how much darker
		 * it is, whether it could be a shadow, whether its hue differs. A static method
		 * over local arrays: as a loop in the constructor over the fields it fills, it
		 * took four times as long (22 ms a 1024² photo).
		 */
		private static void measure(float[][] lab, Backdrop backdrop, float threshold, int width, int height,
				float[] distance, float[] darkening, boolean[] shadowLike, boolean[] hued) {
			float[] l = lab[0];
			float[] a = lab[1];
			float[] b = lab[2];
			float[][] model = new float[3][width];
			float[] modelL = model[0];
			float[] modelA = model[1];
			float[] modelB = model[2];
			for (int y = 0; y < height; y++) {
				backdrop.row(y, model);
				for (int x = 0, i = y * width; x < width; x++, i++) {
					float dl = modelL[x] - l[i];
					float da = a[i] - modelA[x];
					float db = b[i] - modelB[x];
					float chroma2 = da * da + db * db;
					distance[i] = (float) Math.sqrt(dl * dl + chroma2);
					darkening[i] = dl;
					// a shadow dims the backdrop: darker, its hue kept (a grey shadow on
					// linen greys it a little, in proportion to how dark it is), and
					// never
					// more colourful than the backdrop (a dark teal handle on white is no
					// shadow, however flat)
					float kept = 2 + 0.35f * dl;
					shadowLike[i] = dl > threshold && chroma2 <= kept * kept
							&& noMoreColourful(a[i], b[i], modelA[x], modelB[x]);
					float hue = 6 + 0.35f * Math.abs(dl);
					hued[i] = chroma2 > hue * hue;
				}
			}
		}

		/**
		 * Whether a colour is at most {@value #MORE_CHROMA} more colourful than the
		 * backdrop's.
		 */
		private static boolean noMoreColourful(float a, float b, float backdropA, float backdropB) {
			float most = (float) Math.sqrt(backdropA * backdropA + backdropB * backdropB) + MORE_CHROMA;
			return a * a + b * b <= most * most;
		}

		void into(byte[] alpha) {
			floodBackdrop();
			reopenEnclosedBackdrop();
			separateShadows();
			if (this.textured) {
				removeThreads();
			}
			for (int pass = 0; pass < 2; pass++) {
				refineRim();
			}
			dropSpecks();
			soften(alpha);
		}

		/** Everything joined to the border through pixels within the threshold. */
		private void floodBackdrop() {
			int tail = 0;
			for (int x = 0; x < this.width; x++) {
				tail = seedBackdrop(x, tail);
				tail = seedBackdrop((this.height - 1) * this.width + x, tail);
			}
			for (int y = 0; y < this.height; y++) {
				tail = seedBackdrop(y * this.width, tail);
				tail = seedBackdrop(y * this.width + this.width - 1, tail);
			}
			spread(tail, BACKDROP, this.threshold);
		}

		private int seedBackdrop(int i, int tail) {
			if (this.label[i] == 0 && this.distance[i] <= this.threshold) {
				this.label[i] = BACKDROP;
				this.queue[tail++] = i;
			}
			return tail;
		}

		/**
		 * Breadth first from the first {@code tail} queued pixels over unlabelled pixels
		 * within {@code limit} of the backdrop, labelling them.
		 * @return how many pixels the queue holds at the end, those first ones included
		 */
		private int spread(int tail, byte as, double limit) {
			int head = 0;
			while (head < tail) {
				int i = this.queue[head++];
				int x = column(i);
				if (x > 0) {
					tail = take(i - 1, tail, as, limit);
				}
				if (x < this.width - 1) {
					tail = take(i + 1, tail, as, limit);
				}
				if (i >= this.width) {
					tail = take(i - this.width, tail, as, limit);
				}
				if (i + this.width < this.n) {
					tail = take(i + this.width, tail, as, limit);
				}
			}
			return tail;
		}

		private int take(int i, int tail, byte as, double limit) {
			if (this.label[i] == 0 && this.distance[i] <= limit) {
				this.label[i] = as;
				this.queue[tail++] = i;
			}
			return tail;
		}

		/**
		 * Pixels within the threshold that the flood could not reach are backdrop seen
		 * through the product, or product that happens to match the backdrop. A patch is
		 * reopened when it is big enough to be a hole and the pixels around it are
		 * clearly product (three thresholds away, and at least 3 ΔE).
		 */
		private void reopenEnclosedBackdrop() {
			int least = Math.max(16, (int) (SPECK_SHARE * this.n));
			double clearly = Math.max(3, 3 * this.threshold);
			byte patch = 4;
			for (int start = 0; start < this.n; start++) {
				if (this.label[start] != 0 || this.distance[start] > this.holeLimit) {
					continue;
				}
				this.label[start] = patch;
				this.queue[0] = start;
				int size = spread(1, patch, this.holeLimit);
				double ring = ringDistance(size);
				// a patch joined to the backdrop is a shadow's or a sweep's fringe, left
				// to
				// the watershed
				byte outcome = (ring < 0) ? 0 : (size >= least && ring >= clearly) ? BACKDROP : PRODUCT;
				for (int q = 0; q < size; q++) {
					this.label[this.queue[q]] = outcome;
				}
			}
		}

		/**
		 * The mean distance from the backdrop of the unlabelled pixels around a patch; -1
		 * when the patch touches the backdrop.
		 */
		private double ringDistance(int size) {
			double sum = 0;
			long count = 0;
			for (int q = 0; q < size; q++) {
				int i = this.queue[q];
				int x = column(i);
				int[] around = neighbours(i, x);
				for (int j : around) {
					if (j >= 0 && j < this.n && this.label[j] == 0) {
						sum += this.distance[j];
						count++;
					}
					else if (j >= 0 && j < this.n && this.label[j] == BACKDROP) {
						return -1;
					}
				}
			}
			return (count == 0) ? 0 : sum / count;
		}

		/**
		 * The seeded watershed between product and shadow over what is neither backdrop
		 * nor a reopened hole.
		 */
		private void separateShadows() {
			long coloured = 0;
			long rest = 0;
			long contested = 0;
			// which pixels have an undecided one beside them: the seeds' first test, a
			// flag instead of four neighbours read for every pixel of the photo
			boolean[] nearUndecided = new boolean[this.n];
			// what is left is product unless it could be a shadow, which the fronts
			// decide
			for (int y = 0, i = 0; y < this.height; y++) {
				for (int x = 0; x < this.width; x++, i++) {
					if (this.label[i] != 0) {
						continue;
					}
					rest++;
					if (this.hued[i]) {
						coloured++;
					}
					if (!this.shadowLike[i]) {
						this.label[i] = PRODUCT;
						continue;
					}
					contested++;
					if (x > 0) {
						nearUndecided[i - 1] = true;
					}
					if (x < this.width - 1) {
						nearUndecided[i + 1] = true;
					}
					if (y > 0) {
						nearUndecided[i - this.width] = true;
					}
					if (y < this.height - 1) {
						nearUndecided[i + this.width] = true;
					}
				}
			}
			if (contested == 0) {
				return;
			}
			// next to a coloured product, grey that steps in from the backdrop is its
			// cast shadow; next to a grey or white one it may be the product itself
			boolean colouredProduct = coloured * 2 >= rest;
			BucketQueue front = new BucketQueue(this.n);
			// only pixels beside an undecided one seed a front: the inside of the product
			// and of the backdrop, most of the photo, could claim nothing. Seeding
			// decides
			// pixels as it goes, so the flag is checked against the labels of now.
			for (int y = 0, i = 0; y < this.height; y++) {
				for (int x = 0; x < this.width; x++, i++) {
					byte label = this.label[i];
					if (!nearUndecided[i] || label == 0 || !besideUndecided(i, x)) {
						continue;
					}
					if (label == PRODUCT) {
						front.add(i, PRODUCT, 0);
					}
					else if (label == BACKDROP) {
						seedBeside(i, x, y, front, colouredProduct);
					}
				}
			}
			// a pixel belongs to the first front that reaches it over the cheapest step
			boolean[] expanded = new boolean[this.n];
			this.cheapest = new short[this.n];
			Arrays.fill(this.cheapest, (short) BUCKETS);
			while (!front.isEmpty()) {
				int entry = front.poll();
				int i = entry >>> 2;
				byte owner = (byte) (entry & 3);
				if (this.label[i] == 0) {
					this.label[i] = owner;
				}
				if (this.label[i] != owner || expanded[i]) {
					continue;
				}
				expanded[i] = true;
				int x = column(i);
				if (x > 0) {
					claim(i, i - 1, owner, front);
				}
				if (x < this.width - 1) {
					claim(i, i + 1, owner, front);
				}
				if (i >= this.width) {
					claim(i, i - this.width, owner, front);
				}
				if (i + this.width < this.n) {
					claim(i, i + this.width, owner, front);
				}
			}
			for (int i = 0; i < this.n; i++) {
				if (this.label[i] == 0) {
					this.label[i] = PRODUCT;
				}
			}
		}

		/**
		 * A pixel's column: {@code i % width} by a multiplication, which the floods run
		 * for every pixel they reach (an integer division costs several times as much).
		 */
		private int column(int i) {
			int x = i - (int) (i * this.perRow) * this.width;
			if (x < 0) {
				return x + this.width;
			}
			return (x >= this.width) ? x - this.width : x;
		}

		private boolean besideUndecided(int i, int x) {
			return (x > 0 && this.label[i - 1] == 0) || (x < this.width - 1 && this.label[i + 1] == 0)
					|| (i >= this.width && this.label[i - this.width] == 0)
					|| (i + this.width < this.n && this.label[i + this.width] == 0);
		}

		/** Seeds the unlabelled neighbours of a backdrop pixel as product or shadow. */
		private void seedBeside(int i, int x, int y, BucketQueue front, boolean colouredProduct) {
			for (int[] step : STEPS) {
				int nx = x + step[0];
				int ny = y + step[1];
				if (nx < 0 || ny < 0 || nx >= this.width || ny >= this.height) {
					continue;
				}
				int j = ny * this.width + nx;
				if (this.label[j] != 0) {
					continue;
				}
				float entry = this.darkening[j] - this.darkening[i];
				float further = this.darkening[ahead(nx, ny, step, LOOK_AHEAD)] - this.darkening[j];
				boolean fadesIn = further >= 2 * entry;
				// flat beyond the anti-aliased rim, and not black: the floor in shade
				float beyond = this.darkening[ahead(nx, ny, step, LOOK_AHEAD)] - this.darkening[ahead(nx, ny, step, 2)];
				boolean flatGrey = colouredProduct && Math.abs(beyond) <= Math.max(1, 2 * this.threshold)
						&& this.darkening[j] <= 0.5 * this.l[i];
				this.label[j] = (fadesIn || flatGrey) ? SHADOW : PRODUCT;
				front.add(j, this.label[j], 0);
			}
		}

		/** The cheapest cost each pixel is queued at in the watershed's front. */
		private short[] cheapest;

		/** Reused by {@link #neighbours}: a cut runs on one thread. */
		private final int[] around = new int[4];

		/** The four neighbours of pixel i (column x); -1 where outside the photo. */
		private int[] neighbours(int i, int x) {
			this.around[0] = (x > 0) ? i - 1 : -1;
			this.around[1] = (x < this.width - 1) ? i + 1 : -1;
			this.around[2] = (i >= this.width) ? i - this.width : -1;
			this.around[3] = (i + this.width < this.n) ? i + this.width : -1;
			return this.around;
		}

		/** The pixel {@code distance} steps on from (x, y), held inside the photo. */
		private int ahead(int x, int y, int[] step, int distance) {
			int ax = Math.max(0, Math.min(this.width - 1, x + distance * step[0]));
			int ay = Math.max(0, Math.min(this.height - 1, y + distance * step[1]));
			return ay * this.width + ax;
		}

		private void claim(int from, int to, byte owner, BucketQueue front) {
			if (this.label[to] != 0) {
				return;
			}
			if (owner == SHADOW
					&& (!this.shadowLike[to] || Math.abs(this.darkening[to] - this.darkening[from]) > SHADOW_STEP)) {
				return;
			}
			float dl = this.l[to] - this.l[from];
			float da = this.a[to] - this.a[from];
			float db = this.b[to] - this.b[from];
			double step = Math.sqrt(dl * dl + da * da + db * db);
			int cost = (int) Math.min(BUCKETS - 1, step * BUCKETS_PER_DE);
			// a pixel goes to the first entry polled for it, which is its cheapest one
			// queued so far (the earliest among equals): an entry no cheaper than one
			// already queued could never be that one, so it is not queued: the same cut,
			// with about one entry a contested pixel (the white mug: 170,000 for
			// 165,000).
			if (cost < this.cheapest[to]) {
				this.cheapest[to] = (short) cost;
				front.add(to, owner, cost);
			}
		}

		/**
		 * On a textured backdrop, product one pixel wide is a thread of the weave that
		 * the local mean did not even out, not product: an opening with a 3×3 cross.
		 */
		private void removeThreads() {
			boolean[] keep = new boolean[this.n];
			for (int y = 1; y < this.height - 1; y++) {
				for (int x = 1; x < this.width - 1; x++) {
					int i = y * this.width + x;
					keep[i] = this.label[i] == PRODUCT && this.label[i - 1] == PRODUCT && this.label[i + 1] == PRODUCT
							&& this.label[i - this.width] == PRODUCT && this.label[i + this.width] == PRODUCT;
				}
			}
			for (int y = 0; y < this.height; y++) {
				for (int x = 0; x < this.width; x++) {
					int i = y * this.width + x;
					if (this.label[i] != PRODUCT || keep[i]) {
						continue;
					}
					boolean near = (x > 0 && keep[i - 1]) || (x < this.width - 1 && keep[i + 1])
							|| (y > 0 && keep[i - this.width]) || (y < this.height - 1 && keep[i + this.width]);
					if (!near) {
						this.label[i] = BACKDROP;
					}
				}
			}
		}

		/**
		 * Edge-aware refinement, one pixel deep: a rim pixel whose own colour is nearer
		 * the backdrop's than the product's a few pixels in goes to the backdrop. Where
		 * the cut was judged on local means, this takes back what the mean smeared
		 * outward.
		 */
		private void refineRim() {
			int moved = 0;
			for (int y = 0; y < this.height; y++) {
				for (int x = 0; x < this.width; x++) {
					int i = y * this.width + x;
					if (this.label[i] != PRODUCT || !besideBackdrop(i, x)) {
						continue;
					}
					for (int[] step : STEPS) {
						int bx = x + step[0];
						int by = y + step[1];
						if (bx < 0 || by < 0 || bx >= this.width || by >= this.height
								|| this.label[by * this.width + bx] != BACKDROP) {
							continue;
						}
						int inner = ahead(x, y, step, -3);
						if (this.label[inner] == PRODUCT && rawDistance(i, this.backdrop.at(x, y)) < rawDistance(i,
								new float[] { this.raw[0][inner], this.raw[1][inner], this.raw[2][inner] })) {
							this.queue[moved++] = i;
						}
						break;
					}
				}
			}
			for (int m = 0; m < moved; m++) {
				this.label[this.queue[m]] = BACKDROP;
			}
		}

		/**
		 * Whether a pixel (column x) has backdrop beside it: the quick test that spares
		 * the product's inside, most of it, the rim's work.
		 */
		private boolean besideBackdrop(int i, int x) {
			return (x > 0 && this.label[i - 1] == BACKDROP) || (x < this.width - 1 && this.label[i + 1] == BACKDROP)
					|| (i >= this.width && this.label[i - this.width] == BACKDROP)
					|| (i + this.width < this.n && this.label[i + this.width] == BACKDROP);
		}

		/** ΔE between the photo's own pixel i and a colour {@code [L, a, b]}. */
		private double rawDistance(int i, float[] lab) {
			double dl = this.raw[0][i] - lab[0];
			double da = this.raw[1][i] - lab[1];
			double db = this.raw[2][i] - lab[2];
			return Math.sqrt(dl * dl + da * da + db * db);
		}

		/**
		 * Product pieces smaller than a speck are dropped, unless the product is nothing
		 * but specks (then the biggest stays).
		 */
		private void dropSpecks() {
			int least = Math.max(16, (int) (SPECK_SHARE * this.n));
			byte seen = 5;
			for (int start = 0; start < this.n; start++) {
				if (this.label[start] != PRODUCT) {
					continue;
				}
				this.label[start] = seen;
				this.queue[0] = start;
				int size = spreadLabel(PRODUCT, seen);
				if (size < least) {
					for (int q = 0; q < size; q++) {
						this.label[this.queue[q]] = BACKDROP;
					}
				}
			}
			boolean any = false;
			for (int i = 0; i < this.n; i++) {
				if (this.label[i] == seen) {
					this.label[i] = PRODUCT;
					any = true;
				}
			}
			if (!any) {
				keepFarthest();
			}
		}

		private int spreadLabel(byte from, byte to) {
			int head = 0;
			int tail = 1;
			while (head < tail) {
				int i = this.queue[head++];
				int x = column(i);
				int[] around = neighbours(i, x);
				for (int j : around) {
					if (j >= 0 && j < this.n && this.label[j] == from) {
						this.label[j] = to;
						this.queue[tail++] = j;
					}
				}
			}
			return tail;
		}

		/** Only specks: what differs most from the backdrop stays, a photo of a dot. */
		private void keepFarthest() {
			for (int i = 0; i < this.n; i++) {
				if (this.distance[i] > this.threshold && this.label[i] != SHADOW) {
					this.label[i] = PRODUCT;
				}
			}
		}

		/**
		 * Opaque product, clear elsewhere; on the product's rim the alpha is how far the
		 * pixel is from the backdrop compared with the farthest product pixel beside it,
		 * so an anti-aliased edge stays soft.
		 */
		private void soften(byte[] alpha) {
			for (int i = 0; i < this.n; i++) {
				if (this.label[i] != PRODUCT) {
					alpha[i] = 0;
					continue;
				}
				int x = column(i);
				if (!besideBackdrop(i, x)) {
					// inside the product: opaque
					alpha[i] = (byte) 255;
					continue;
				}
				int[] around = neighbours(i, x);
				boolean rim = false;
				float inner = this.distance[i];
				for (int j : around) {
					if (j < 0 || j >= this.n) {
						continue;
					}
					if (this.label[j] == PRODUCT) {
						inner = Math.max(inner, this.distance[j]);
					}
					else if (this.label[j] == BACKDROP) {
						rim = true;
					}
				}
				double share = (rim && inner > 0) ? this.distance[i] / inner : 1;
				alpha[i] = (byte) Math.round(255 * Math.max(0.5, Math.min(1, share)));
			}
		}

	}

	/**
	 * A priority queue of (pixel, owner) by small integer cost, first in first out within
	 * a cost: the watershed's order, in linear time. An entry packs the pixel and its
	 * owner (two bits) in one int.
	 */
	private static final class BucketQueue {

		private final int[][] buckets = new int[BUCKETS][];

		private final int[] heads = new int[BUCKETS];

		private final int[] tails = new int[BUCKETS];

		private int lowest;

		private int size;

		BucketQueue(int capacity) {
			if (capacity >= (1 << 29)) {
				throw new IllegalArgumentException("a photo of " + capacity + " pixels is too large to key");
			}
		}

		void add(int pixel, byte owner, int cost) {
			int[] bucket = this.buckets[cost];
			if (bucket == null) {
				bucket = new int[64];
				this.buckets[cost] = bucket;
			}
			else if (this.tails[cost] == bucket.length) {
				bucket = Arrays.copyOf(bucket, bucket.length * 2);
				this.buckets[cost] = bucket;
			}
			bucket[this.tails[cost]++] = (pixel << 2) | owner;
			this.lowest = Math.min(this.lowest, cost);
			this.size++;
		}

		boolean isEmpty() {
			return this.size == 0;
		}

		int poll() {
			while (this.heads[this.lowest] == this.tails[this.lowest]) {
				this.lowest++;
			}
			this.size--;
			return this.buckets[this.lowest][this.heads[this.lowest]++];
		}

	}

}
