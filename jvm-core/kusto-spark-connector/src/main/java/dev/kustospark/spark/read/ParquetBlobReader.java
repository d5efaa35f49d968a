package dev.kustospark.spark.read;

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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the exported Parquet files of one partition. Each blob is downloaded through the Azure
 * Storage SDK with the container's SAS or key into a local temporary file (Parquet needs random
 * access to its footer), decoded with parquet-mr, converted to the values single mode gives
 * ({@link ParquetValueConverter}) and deleted locally once read. Only the columns Spark needs are
 * decoded.
 */
final class ParquetBlobReader implements PartitionReader<InternalRow> {
    private final DistributedInputPartition partition;
    private final StructType schema;
    private int nextBlob;
    private Path localFile;
    private ParquetFileReader file;
    private MessageType fileSchema;
    private int[] columnIndex;
    private PrimitiveType[] columnType;
    private RecordReader<Group> records;
    private long recordsLeft;
    private InternalRow current;

    ParquetBlobReader(DistributedInputPartition partition, StructType schema) {
        this.partition = partition;
        this.schema = schema;
    }

    @Override
    public boolean next() throws IOException {
        while (true) {
            if (records != null && recordsLeft > 0) {
                recordsLeft--;
                current = toRow(records.read());
                return true;
            }
            if (file != null) {
                PageReadStore pages = file.readNextRowGroup();
                if (pages != null) {
                    recordsLeft = pages.getRowCount();
                    records = new ColumnIOFactory().getColumnIO(fileSchema).getRecordReader(pages,
                            new GroupRecordConverter(fileSchema));
                    continue;
                }
                closeFile();
            }
            if (nextBlob >= partition.blobs().size()) {
                return false;
            }
            open(partition.blobs().get(nextBlob++));
        }
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

    private InternalRow toRow(Group group) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ParquetValueConverter.convert(group, columnIndex[i], columnType[i], schema.fields()[i]);
        }
        return new GenericInternalRow(values);
    }

    @Override
    public InternalRow get() {
        return current;
    }

    private void closeFile() throws IOException {
        try {
            if (file != null) {
                file.close();
            }
        } finally {
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
