package com.prompt2pixel.generate;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;

/**
 * The channels that carry generate partitions from managers to workers: Spring
 * Integration queues kept in PostgreSQL ({@code int_channel_message}), so the cluster
 * needs no broker beside its database. A request stays there until a worker takes it,
 * whenever that worker starts. On-demand runs have a channel of their own, so that their
 * partitions never queue behind a batch run's.
 */
@Configuration(proxyBeanMethods = false)
class PartitionChannel {

	@Bean
	JdbcChannelMessageStore partitionMessageStore(DataSource dataSource) {
		JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
		store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
		store.setRegion("p2p");
		// a request is a message of a StepExecutionRequest; nothing else is deserialized
		store.addAllowedPatterns("org.springframework.messaging.support.GenericMessage",
				"org.springframework.messaging.MessageHeaders", "java.util.HashMap", "java.util.UUID", "java.lang.*",
				"org.springframework.batch.integration.partition.StepExecutionRequest");
		return store;
	}

	@Bean
	QueueChannel onDemandPartitionRequests(JdbcChannelMessageStore partitionMessageStore) {
		return new QueueChannel(new MessageGroupQueue(partitionMessageStore, "generate-partitions-on-demand"));
	}

	@Bean
	QueueChannel batchPartitionRequests(JdbcChannelMessageStore partitionMessageStore) {
		return new QueueChannel(new MessageGroupQueue(partitionMessageStore, "generate-partitions-batch"));
	}

}
