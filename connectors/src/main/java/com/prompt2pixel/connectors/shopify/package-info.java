/**
 * The Shopify connector: product snapshots read through the Admin GraphQL API (paged
 * queries or a bulk operation, within Shopify's cost-based throttle), and the
 * {@code products/update} webhook's signature and payload.
 */
package com.prompt2pixel.connectors.shopify;
