package com.prompt2pixel.templates;

import java.util.List;

/**
 * The scenes that one run renders every product into.
 *
 * @param id the set's name, as given to {@code run --templates}
 * @param vertical the merchandise vertical the scenes were written for
 * @param scenes the scenes, in file order
 */
public record TemplateSet(String id, String vertical, List<SceneTemplate> scenes) {

}
