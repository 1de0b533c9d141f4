package com.prompt2pixel.system;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobStartsTest {

	private final Job job = (Job) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Job.class },
			(proxy, method, args) -> method.getName().equals("getName") ? "catalogImportJob" : null);

	@Test
	void shouldStartAgainWhenTheExecutionsCreationIsCancelledAsASerializationConflict() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		JobOperator operator = operator(() -> {
			if (attempts.incrementAndGet() < 3) {
				throw new CannotAcquireLockException("could not serialize access due to read/write dependencies");
			}
		});

		JobStarts.start(operator, this.job, new JobParameters());

		assertThat(attempts).hasValue(3);
	}

	@Test
	void shouldNotTryAgainAfterAnyOtherFailure() {
		AtomicInteger attempts = new AtomicInteger();
		JobOperator operator = operator(() -> {
			attempts.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate key");
		});

		assertThatThrownBy(() -> JobStarts.start(operator, this.job, new JobParameters()))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(attempts).hasValue(1);
	}

	private static JobOperator operator(Runnable onStart) {
		return (JobOperator) Proxy.newProxyInstance(JobStartsTest.class.getClassLoader(),
				new Class<?>[] { JobOperator.class }, (proxy, method, args) -> {
					if (!method.getName().equals("start")) {
						throw new UnsupportedOperationException(method.getName());
					}
					onStart.run();
					return null;
				});
	}

}
