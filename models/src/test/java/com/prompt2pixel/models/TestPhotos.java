package com.prompt2pixel.models;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Product photos drawn for tests: simple shapes on a white studio background.
 */
public final class TestPhotos {

	private TestPhotos() {
	}

	/**
	 * A red ring on white: its white centre is enclosed by the product, not background.
	 */
	public static BufferedImage redRingOnWhite() {
		BufferedImage photo = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 200, 200);
		g.setColor(new Color(200, 30, 30));
		g.fillOval(40, 40, 120, 120);
		g.setColor(Color.WHITE);
		g.fillOval(80, 80, 40, 40);
		g.dispose();
		return photo;
	}

	static BufferedImage uniform(Color colour) {
		BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(colour);
		g.fillRect(0, 0, 64, 64);
		g.dispose();
		return image;
	}

}
