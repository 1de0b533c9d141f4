package com.prompt2pixel.templates;

import java.util.List;

/**
 * The scenes of one vertical.
 *
 * @param id the set's name, as given to {@code run --templates}
 * @param vertical the merchandise vertical
 * @param match which products the set is for when no set is chosen explicitly
 * @param scenes the scenes, in file order
 */
public record TemplateSet(String id, String vertical, MatchRules match, List<SceneTemplate> scenes) {

}
