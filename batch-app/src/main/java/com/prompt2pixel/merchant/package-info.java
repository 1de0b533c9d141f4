/**
 * What belongs to a merchant beyond its catalog: its row and locale, its own
 * scene-template sets (versioned) and the terms it blocks in prompts.
 */
package com.prompt2pixel.merchant;
