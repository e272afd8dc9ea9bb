using Npgsql;
using NpgsqlTypes;

namespace LineCrm.Stores.PostgreSql;

/// <summary>Positional parameters (<c>$1</c>, <c>$2</c>...) with their PostgreSQL types stated, so Npgsql never guesses
/// and a null is sent as a typed NULL.</summary>
internal static class PostgreSqlParameters
{
    public static NpgsqlParameter Of(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    public static NpgsqlParameter TextArray(string[] values) => Of(values, NpgsqlDbType.Array | NpgsqlDbType.Text);

    public static NpgsqlParameter BigintArray(long[] values) => Of(values, NpgsqlDbType.Array | NpgsqlDbType.Bigint);

    public static NpgsqlParameter UuidArray(Guid[] values) => Of(values, NpgsqlDbType.Array | NpgsqlDbType.Uuid);

    public static NpgsqlParameter Text(string? value) => Of(value, NpgsqlDbType.Text);

    public static NpgsqlParameter Bigint(long value) => Of(value, NpgsqlDbType.Bigint);

    public static NpgsqlParameter Integer(int? value) => Of(value, NpgsqlDbType.Integer);

    public static NpgsqlParameter Uuid(Guid value) => Of(value, NpgsqlDbType.Uuid);

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
