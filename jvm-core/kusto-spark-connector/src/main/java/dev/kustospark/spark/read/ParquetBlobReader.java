package dev.kustospark.spark.read;

import dev.kustospark.spark.types.KustoColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.datasources.parquet.VectorizedParquetRecordReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads the exported Parquet files of one partition. Each blob is downloaded through the Azure
 * Storage SDK with the container's SAS or key into a local temporary file (Parquet needs random
 * access to its footer), decoded by Spark's own vectorized Parquet reader (the one
 * {@code spark.read.parquet} uses) with the columns converted to the values single mode gives
 * ({@link ConvertingColumnVector}), or, for types that reader cannot give, by parquet-mr's record
 * reader ({@link ParquetValueConverter}); the local file is deleted once read. Only the columns
 * Spark needs are decoded. Rows are given one by one ({@link #next}) or, for Spark's columnar scan,
 * a batch at a time ({@link #nextBatch}), which spares Spark a copy of every row.
 */
final class ParquetBlobReader implements PartitionReader<InternalRow> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ParquetBlobReader.class);
    static final int BATCH_ROWS = 4096;

    private final DistributedInputPartition partition;
    private final StructType schema;
    /** The Kusto type of each column of {@code schema}, in its order: how the export holds its values. */
    private final String[] kustoTypes;
    private int nextBlob;
    private Path localFile;
    private ParquetFileReader file;
    private MessageType fileSchema;
    private int[] columnIndex;
    private PrimitiveType[] columnType;
    private RecordReader<Group> records;
    private long recordsLeft;
    private InternalRow current;
    /** Spark's vectorized reader of the current file, when it can read it; else the parquet-mr records above. */
    private VectorizedParquetRecordReader vectorized;
    private ColumnarBatch batch;
    private int batchRow;

    /** @param columns {@code schema}'s columns with their Kusto types, in its order */
    ParquetBlobReader(DistributedInputPartition partition, StructType schema, List<KustoColumn> columns) {
        if (columns.size() != schema.size()) {
            throw new IllegalArgumentException("decoding an export needs the Kusto type of each of the "
                    + schema.size() + " columns read, and " + columns.size() + " are known");
        }
        this.partition = partition;
        this.schema = schema;
        this.kustoTypes = columns.stream().map(KustoColumn::kustoType).toArray(String[]::new);
    }

    @Override
    public boolean next() throws IOException {
        while (true) {
            if (batch != null && batchRow < batch.numRows()) {
                current = batch.getRow(batchRow++);
                return true;
            }
            if (records != null && recordsLeft > 0) {
                recordsLeft--;
                current = toRow(records.read());
                return true;
            }
            if (!advance()) {
                return false;
            }
        }
    }

    /**
     * The next rows as columns, or null at the end: a whole batch of Spark's vectorized reader as it
     * is, or up to a batch of the record reader's rows gathered into {@code fallback}.
     */
    ColumnarBatch nextBatch(RowBatchBuilder fallback) throws IOException {
        while (true) {
            if (batch != null && batchRow < batch.numRows()) {
                batchRow = batch.numRows();
                return batch;
            }
            if (records != null && recordsLeft > 0) {
                fallback.reset();
                while (recordsLeft > 0 && fallback.size() < BATCH_ROWS) {
                    recordsLeft--;
                    fallback.append(toRow(records.read()));
                }
                return fallback.batch();
            }
            if (!advance()) {
                return null;
            }
        }
    }

    /** Loads what comes next: a vectorized batch, a row group for the record reader, or the next file; false at the end. */
    private boolean advance() throws IOException {
        if (vectorized != null) {
            if (vectorized.nextBatch()) {
                batch = wrapped(vectorized.resultBatch());
                batchRow = 0;
            } else {
                closeFile();
            }
            return true;
        }
        if (file != null) {
            PageReadStore pages = file.readNextRowGroup();
            if (pages != null) {
                recordsLeft = pages.getRowCount();
                records = new ColumnIOFactory().getColumnIO(fileSchema).getRecordReader(pages,
                        new GroupRecordConverter(fileSchema));
            } else {
                closeFile();
            }
            return true;
        }
        if (nextBlob >= partition.blobs().size()) {
            return false;
        }
        open(partition.blobs().get(nextBlob++));
        return true;
    }

    private void open(ExportedBlob blob) throws IOException {
        localFile = Files.createTempFile("kusto-export-", ".parquet");
        try {
            blob.location().client().getBlobClient(blob.name()).downloadToFile(localFile.toString(), true);
        } catch (RuntimeException e) {
            throw new IOException("Downloading exported file " + blob.name() + " from " + blob.location() + " failed: "
                    + e.getClass().getSimpleName() + (e instanceof com.azure.storage.blob.models.BlobStorageException s
                            ? " HTTP " + s.getStatusCode() + " " + s.getErrorCode() : ""), e);
        }
        if (openVectorized()) {
            LOG.debug("Decoding exported file {} with Spark's vectorized Parquet reader", blob.name());
            return;
        }
        LOG.debug("Decoding exported file {} with parquet-mr's record reader", blob.name());
        Configuration conf = new Configuration(false);
        file = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(localFile.toUri()), conf));
        MessageType full = file.getFooter().getFileMetaData().getSchema();
        List<Type> wanted = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (!full.containsField(field.name()) || !ParquetValueConverter.readable(full.getType(field.name()))) {
                throw new IOException("The exported file " + blob.name() + " has no column '" + field.name()
                        + "'; its columns: " + full.getFields().stream().map(Type::getName).toList());
            }
            Type type = full.getType(field.name());
            if (!wanted.contains(type)) {
                wanted.add(type);
            }
        }
        fileSchema = new MessageType(full.getName(), wanted);
        file.setRequestedSchema(fileSchema);
        columnIndex = new int[schema.size()];
        columnType = new PrimitiveType[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            columnIndex[i] = fileSchema.getFieldIndex(schema.fields()[i].name());
            columnType[i] = fileSchema.getType(columnIndex[i]).asPrimitiveType();
        }
        records = null;
        recordsLeft = 0;
    }

    /**
     * Opens the local file with Spark's own vectorized Parquet reader, which decodes whole column
     * chunks at a time; false when it cannot read the file's types as the read schema needs them
     * (then parquet-mr's record reader decodes it value by value).
     */
    private boolean openVectorized() {
        VectorizedParquetRecordReader reader = new VectorizedParquetRecordReader(false, BATCH_ROWS);
        try {
            reader.initialize(localFile.toString(), List.of(schema.fieldNames()));
            if (wrapped(reader.resultBatch()) == null) {
                reader.close();
                return false;
            }
        } catch (IOException | RuntimeException e) {
            try {
                reader.close();
            } catch (IOException | RuntimeException ignored) {
                // falling back anyway
            }
            return false;
        }
        vectorized = reader;
        batch = null;
        return true;
    }

    /** The reader's batch with each column seen as the read schema's type; null when one cannot be. */
    private ColumnarBatch wrapped(ColumnarBatch raw) {
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ConvertingColumnVector.of(raw.column(i), schema.fields()[i], kustoTypes[i]);
            if (columns[i] == null) {
                return null;
            }
        }
        return new ColumnarBatch(columns, raw.numRows());
    }

    private InternalRow toRow(Group group) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ParquetValueConverter.convert(group, columnIndex[i], columnType[i], schema.fields()[i],
                    kustoTypes[i]);
        }
        return new GenericInternalRow(values);
    }

    @Override
    public InternalRow get() {
        return current;
    }

    private void closeFile() throws IOException {
        try {
            if (vectorized != null) {
                vectorized.close();
            }
            if (file != null) {
                file.close();
            }
        } finally {
            vectorized = null;
            batch = null;
            file = null;
            records = null;
            if (localFile != null) {
                Files.deleteIfExists(localFile);
                localFile = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeFile();
    }
}
