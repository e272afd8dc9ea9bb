using LineCrm.Stores.PostgreSql;
using LineCrm.Testing;

namespace LineCrm.Stores.Tests.PostgreSql;

public sealed class PostgreSqlPackageRulesTests
{
    [Fact]
    public void The_engine_references_only_the_packages_whose_interfaces_it_implements_and_Npgsql()
    {
        var assembly = typeof(PostgreSqlStore).Assembly;

        PackageRules.AssertReferencesOnly(assembly, "LineCrm.Abstractions", "LineCrm.Messaging", "LineCrm.Segmentation", "LineCrm.Stores");
        PackageRules.AssertThirdPartyOnly(assembly, "Npgsql", "Microsoft.Extensions.");
    }
}
