using System.Text.Json.Serialization;

namespace LineCrm.Stores.Sqlite;

/// <summary>The JSON the SQLite store writes of its own (a chunk's recipients), source-generated for trimming and AOT.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
