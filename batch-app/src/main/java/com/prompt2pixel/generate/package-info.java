/**
 * {@code generateImagesStep}: PENDING render tasks, a chunk at a time, through the
 * configured {@link com.prompt2pixel.models.ImageGenerator} as one batch; images go to
 * the image store and their tasks become GENERATED (or FAILED when the product photo
 * cannot be used). When worker nodes are live, the step is partitioned and its partitions
 * go to them over the {@code PartitionChannel}s (remote partitioning, in the database); a
 * manager recovers the partitions of dead workers.
 */
package com.prompt2pixel.generate;
