using System.Runtime.InteropServices;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// <see cref="IIdentityGraphStore"/> over <c>identity_graph_snapshot</c> (the snapshot's sequence number, one row),
/// <c>identity_graph_snapshot_chunks</c> (its bytes, a row a chunk) and <c>identity_graph_changes</c> (a row a change
/// record, keyed by its number). Each write is one call of the writer, so it commits whole and durably or not at all.
/// </summary>
internal sealed class SqliteIdentityGraphStore(SqliteStore store) : IIdentityGraphStore
{
    private const string Highest = """
        SELECT MAX(COALESCE((SELECT MAX(sequence) FROM identity_graph_changes), 0),
                   COALESCE((SELECT sequence FROM identity_graph_snapshot WHERE id = 1), 0))
        """;

    public async ValueTask<StoredIdentityGraph> ReadAsync(CancellationToken cancellationToken = default) =>
        await store.ReadAsync(connection =>
        {
            // One read transaction: the snapshot and the records as of one commit.
            using var transaction = connection.BeginTransaction(deferred: true);
            using var sequence = SqliteCommands.Create(connection, transaction, "SELECT sequence FROM identity_graph_snapshot WHERE id = 1");
            var snapshotSequence = sequence.ExecuteScalar() as long?;
            List<ReadOnlyMemory<byte>>? chunks = null;
            if (snapshotSequence is not null)
            {
                chunks = [];
                using var select = SqliteCommands.Create(connection, transaction, "SELECT data FROM identity_graph_snapshot_chunks ORDER BY chunk");
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    chunks.Add((byte[])reader.GetValue(0));
                }
            }

            var changes = new List<IdentityGraphChangeRecord>();
            using (var select = SqliteCommands.Create(connection, transaction, "SELECT sequence, data FROM identity_graph_changes ORDER BY sequence"))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    changes.Add(new IdentityGraphChangeRecord(reader.GetInt64(0), (byte[])reader.GetValue(1)));
                }
            }

            return new StoredIdentityGraph(snapshotSequence ?? 0, chunks, changes);
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask AppendAsync(IdentityGraphChangeRecord record, CancellationToken cancellationToken = default)
    {
        IdentityGraphStoreArguments.ChangeRecord(record);
        var data = Bytes(record.Data);
        await store.WriteAsync(write =>
        {
            if (write.Command("SELECT data FROM identity_graph_changes WHERE sequence = $sequence", ("$sequence", record.Sequence)).ExecuteScalar() is byte[] stored)
            {
                return stored.AsSpan().SequenceEqual(data)
                    ? true
                    : throw IdentityGraphStoreArguments.RecordTaken(record.Sequence);
            }

            var highest = (long)write.Command(Highest).ExecuteScalar()!;
            if (record.Sequence != highest + 1)
            {
                throw IdentityGraphStoreArguments.RecordOutOfTurn(record.Sequence, highest);
            }

            write.Command("INSERT INTO identity_graph_changes (sequence, data) VALUES ($sequence, $data)", ("$sequence", record.Sequence), ("$data", data)).ExecuteNonQuery();
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ReplaceSnapshotAsync(long sequence, IReadOnlyList<ReadOnlyMemory<byte>> snapshot, CancellationToken cancellationToken = default)
    {
        IdentityGraphStoreArguments.Snapshot(sequence, snapshot);
        await store.WriteAsync(write =>
        {
            var highest = (long)write.Command(Highest).ExecuteScalar()!;
            if (sequence < highest)
            {
                throw IdentityGraphStoreArguments.SnapshotBehind(sequence, highest);
            }

            write.Execute("DELETE FROM identity_graph_snapshot_chunks");
            var insert = write.Command("INSERT INTO identity_graph_snapshot_chunks (chunk, data) VALUES ($chunk, $data)", ("$chunk", 0), ("$data", Array.Empty<byte>()));
            for (var i = 0; i < snapshot.Count; i++)
            {
                insert.Parameters["$chunk"].Value = i;
                insert.Parameters["$data"].Value = Bytes(snapshot[i]);
                insert.ExecuteNonQuery();
            }

            write.Command("INSERT INTO identity_graph_snapshot (id, sequence) VALUES (1, $sequence) ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence", ("$sequence", sequence)).ExecuteNonQuery();
            write.Command("DELETE FROM identity_graph_changes WHERE sequence <= $sequence", ("$sequence", sequence)).ExecuteNonQuery();
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    // Microsoft.Data.Sqlite binds byte arrays: a chunk that is a whole array is bound as it is, anything else copied.
    private static byte[] Bytes(ReadOnlyMemory<byte> memory)
        => MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
}
