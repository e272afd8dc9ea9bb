using Microsoft.Extensions.Options;

namespace LineCrm.Stores.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlStoreOptions"/>' data annotations; source-generated, so trimming and AOT stay safe.</summary>
[OptionsValidator]
internal sealed partial class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>;
