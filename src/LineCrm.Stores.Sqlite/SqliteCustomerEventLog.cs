using LineCrm.Events;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// <see cref="ICustomerEventLog"/> over the <c>customer_events</c> table: the event id is a unique key, the position
/// an AUTOINCREMENT key (never reused), the body <see cref="CustomerEventJson"/>'s bytes. One writer commits in
/// position order, so a reader's cursor never passes an event that is not yet visible.
/// </summary>
internal sealed class SqliteCustomerEventLog(SqliteStore store) : ICustomerEventLog
{
    public async ValueTask<IReadOnlyList<LoggedCustomerEvent>> AppendAsync(IReadOnlyList<CustomerEventEnvelope> events, CancellationToken cancellationToken = default)
    {
        StoreArguments.Append(events);
        if (events.Count == 0)
        {
            return [];
        }

        // Serialized before anything is queued: an event with no stored form fails the call with nothing written.
        var bodies = StoredCustomerEvents.Serialize(events);

        return await store.WriteAsync<IReadOnlyList<LoggedCustomerEvent>>(write =>
        {
            var insert = write.Command("INSERT INTO customer_events (event_id, body) VALUES ($id, $body) ON CONFLICT (event_id) DO NOTHING RETURNING position",
                ("$id", string.Empty),
                ("$body", Array.Empty<byte>()));
            var appended = new List<LoggedCustomerEvent>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                insert.Parameters["$id"].Value = events[i].Id.Value;
                insert.Parameters["$body"].Value = bodies[i];
                if (insert.ExecuteScalar() is long position)
                {
                    appended.Add(new LoggedCustomerEvent(position, events[i]));
                }
            }

            return appended;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<LoggedCustomerEvent>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        StoreArguments.Read(afterPosition, maxCount);
        return await store.ReadAsync<IReadOnlyList<LoggedCustomerEvent>>(connection =>
        {
            using var select = SqliteCommands.Create(
                connection,
                null,
                "SELECT position, event_id, body FROM customer_events WHERE position > $after ORDER BY position LIMIT $max",
                ("$after", afterPosition),
                ("$max", maxCount));
            using var reader = select.ExecuteReader();
            var events = new List<LoggedCustomerEvent>();
            while (reader.Read())
            {
                var position = reader.GetInt64(0);
                events.Add(new LoggedCustomerEvent(position, StoredCustomerEvents.ReadBack(position, reader.GetString(1), (byte[])reader.GetValue(2))));
            }

            return events;
        }, cancellationToken).ConfigureAwait(false);
    }
}
