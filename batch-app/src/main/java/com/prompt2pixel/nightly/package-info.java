/**
 * Merchants' nightly schedules: a Quartz trigger per merchant that queues a catalog sync
 * and an incremental run on the schedule's pool.
 */
package com.prompt2pixel.nightly;
