using Microsoft.Extensions.Options;

namespace LineCrm.Stores.Sqlite;

/// <summary>Checks <see cref="SqliteStoreOptions"/>' data annotations; source-generated, so trimming and AOT stay safe.</summary>
[OptionsValidator]
internal sealed partial class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>;
