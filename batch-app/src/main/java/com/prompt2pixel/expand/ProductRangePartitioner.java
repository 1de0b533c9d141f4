package com.prompt2pixel.expand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits an import's products into id ranges of (nearly) equal size, one per partition.
 */
class ProductRangePartitioner implements Partitioner {

	static final String MIN_ID = "minId";

	static final String MAX_ID = "maxId";

	private static final String RANGES = """
			SELECT min(id), max(id)
			FROM (SELECT id, ntile(?) OVER (ORDER BY id) AS part FROM product WHERE last_import_id = ?) parts
			GROUP BY part
			ORDER BY 1""";

	private final JdbcTemplate jdbc;

	private final long importId;

	ProductRangePartitioner(JdbcTemplate jdbc, long importId) {
		this.jdbc = jdbc;
		this.importId = importId;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		List<long[]> ranges = this.jdbc.query(RANGES, (rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) },
				gridSize, this.importId);
		if (ranges.isEmpty()) {
			// nothing was imported: one empty range, so the step still runs (and
			// completes) once
			ranges = List.of(new long[] { 0, -1 });
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int i = 0; i < ranges.size(); i++) {
			ExecutionContext context = new ExecutionContext();
			context.putLong(MIN_ID, ranges.get(i)[0]);
			context.putLong(MAX_ID, ranges.get(i)[1]);
			partitions.put("products" + i, context);
		}
		return partitions;
	}

}
