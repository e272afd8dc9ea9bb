using Microsoft.Data.Sqlite;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// What a write call gets from the writer: the writer's connection inside the current group commit, and its prepared
/// commands, kept per SQL text for the writer's lifetime so that a statement run on every webhook is parsed once.
/// </summary>
internal sealed class SqliteWrite(SqliteConnection connection)
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    public SqliteTransaction Transaction { get; set; } = null!;

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, in the current transaction, with these parameter values (every
    /// parameter the SQL names, each time). The writer owns it: do not dispose it.
    /// </summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            command.Transaction = Transaction;
            command.Prepare();
            _prepared.Add(sql, command);
            return command;
        }

        command.Transaction = Transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        return command;
    }

    public void Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void DisposeCommands()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _prepared.Clear();
    }
}
