package com.prompt2pixel.models;

class CompositorContractTest extends ImageGeneratorContract {

	private final CompositorGenerator compositor = new CompositorGenerator();

	@Override
	protected ImageGenerator generator() {
		return this.compositor;
	}

}
