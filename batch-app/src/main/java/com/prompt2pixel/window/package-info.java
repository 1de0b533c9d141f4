/**
 * GPU pools and their off-peak generation windows ({@code gpu_pool},
 * {@code generation_window}): when batch runs may use a pool's GPUs.
 */
package com.prompt2pixel.window;
