package com.prompt2pixel.task;

/**
 * A render task row as the stages after expansion read it.
 *
 * @param id task id
 * @param runId the run
 * @param productId the product
 * @param templateId scene template id
 * @param variant variant number
 * @param seed generation seed
 * @param prompt rendered prompt
 * @param negativePrompt rendered negative prompt
 * @param params generation parameters as JSON
 * @param imageKey where the image is stored, once generated
 * @param imageSha256 hex SHA-256 of the image, once generated
 */
public record RenderTask(long id, long runId, long productId, String templateId, int variant, long seed, String prompt,
		String negativePrompt, String params, String imageKey, String imageSha256) {

}
