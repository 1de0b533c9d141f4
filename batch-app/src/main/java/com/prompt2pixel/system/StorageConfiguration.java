package com.prompt2pixel.system;

import com.prompt2pixel.connectors.images.ProductImageSource;
import com.prompt2pixel.connectors.store.ImageStore;
import com.prompt2pixel.connectors.store.LocalFolderImageStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The image store and the product photo source; the retry policy of outgoing calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ StorageProperties.class, PhotoProperties.class, RetryProperties.class })
class StorageConfiguration {

	@Bean
	ImageStore imageStore(StorageProperties properties) {
		return new LocalFolderImageStore(properties.dir());
	}

	@Bean
	ProductImageSource productImageSource(StorageProperties properties, PhotoProperties photos) {
		return new ProductImageSource(properties.photoTimeout(), photos.hosts());
	}

}
