package com.prompt2pixel.models;

import java.awt.image.BufferedImage;

/**
 * The photo's own alpha channel when it has a meaningful one, else the keyer: what a
 * merchant's photo needs without being asked. The matte says which it was.
 */
final class AutoMatte implements ProductMatte {

	private final KeyerMatte keyer = new KeyerMatte();

	@Override
	public String method() {
		return "auto";
	}

	@Override
	public Matte matte(BufferedImage photo) {
		return PhotoAlphaMatte.meaningful(photo).orElseGet(() -> this.keyer.matte(photo));
	}

}
