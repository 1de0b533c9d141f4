package com.prompt2pixel.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The structure docs/ARCHITECTURE.md describes, checked on the compiled classes of every
 * module: packages without cycles, and library modules that know neither Spring nor the
 * application.
 */
class ArchitectureTest {

	private static final String[] LIBRARIES = { "com.prompt2pixel.templates..", "com.prompt2pixel.models..",
			"com.prompt2pixel.connectors.." };

	private static final JavaClasses CODE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.prompt2pixel");

	/** The application's packages and the modules, each a slice. */
	private static final ArchRule NO_CYCLES = slices().matching("com.prompt2pixel.(*)..")
		.as("the application's packages and the library modules")
		.should()
		.beFreeOfCycles();

	@Test
	void shouldKeepTheApplicationsPackagesAndTheModulesFreeOfCycles() {
		NO_CYCLES.check(CODE);
	}

	@Test
	void shouldKeepEachLibraryModulesPackagesFreeOfCycles() {
		for (String module : new String[] { "templates", "models", "connectors" }) {
			slices().matching("com.prompt2pixel." + module + ".(**)")
				.should()
				.beFreeOfCycles()
				.allowEmptyShould(true)
				.check(CODE);
		}
	}

	@Test
	void shouldKeepTheLibraryModulesFreeOfSpringAndOfTheApplication() {
		DescribedPredicate<JavaClass> application = resideInAPackage("com.prompt2pixel..")
			.and(DescribedPredicate.not(resideInAnyPackage(LIBRARIES)))
			.as("the application (batch-app)");
		noClasses().that()
			.resideInAnyPackage(LIBRARIES)
			.should()
			.dependOnClassesThat(application)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(CODE);
	}

	@Test
	void shouldKeepTheModulesArrowsOneWay() {
		noClasses().that()
			.resideInAPackage("com.prompt2pixel.templates..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.prompt2pixel.models..", "com.prompt2pixel.connectors..")
			.check(CODE);
		noClasses().that()
			.resideInAPackage("com.prompt2pixel.models..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.prompt2pixel.templates..", "com.prompt2pixel.connectors..")
			.check(CODE);
		noClasses().that()
			.resideInAPackage("com.prompt2pixel.connectors..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.prompt2pixel.models..")
			.check(CODE);
	}

	@Test
	void shouldKeepTheClusterIgnorantOfTheFeaturesThatSpreadOverIt() {
		// the run queue, remote partitions and the import queue are node duties that the
		// dispatch loop ticks; the cluster imports none of them
		noClasses().that()
			.resideInAPackage("com.prompt2pixel.cluster..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.prompt2pixel.queue..", "com.prompt2pixel.generate..", "com.prompt2pixel.ingest..",
					"com.prompt2pixel.run..", "com.prompt2pixel.task..")
			.check(CODE);
	}

	@Test
	void shouldCatchACycle() {
		JavaClasses cyclic = new ClassFileImporter().importPackages("com.prompt2pixel.architecture.fixture");

		assertThatThrownBy(() -> slices().matching("com.prompt2pixel.architecture.fixture.cycle.(*)..")
			.should()
			.beFreeOfCycles()
			.check(cyclic)).isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
	}

}
