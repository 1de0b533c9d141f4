/**
 * Scene templates and prompt expansion: product x template x variant becomes a prompt, a
 * negative prompt, generation parameters and a deterministic seed. Plain Java, no I/O
 * beyond reading the template files on the classpath.
 */
package com.prompt2pixel.templates;
