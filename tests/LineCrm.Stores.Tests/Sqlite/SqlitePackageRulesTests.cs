using LineCrm.Stores.Sqlite;
using LineCrm.Testing;

namespace LineCrm.Stores.Tests.Sqlite;

public sealed class SqlitePackageRulesTests
{
    [Fact]
    public void The_shared_stores_package_depends_on_the_packages_whose_interfaces_the_engines_implement_and_Microsoft_Extensions_only()
    {
        var assembly = typeof(StoreSchemaException).Assembly;
        PackageRules.AssertReferencesOnly(assembly, "LineCrm.Abstractions", "LineCrm.Messaging", "LineCrm.Segmentation");
        PackageRules.AssertThirdPartyOnly(assembly, "Microsoft.Extensions.");
    }

    [Fact]
    public void The_SQLite_engine_depends_on_those_packages_Microsoft_Data_Sqlite_and_Microsoft_Extensions_only()
    {
        var assembly = typeof(SqliteStore).Assembly;
        PackageRules.AssertReferencesOnly(assembly, "LineCrm.Abstractions", "LineCrm.Messaging", "LineCrm.Segmentation", "LineCrm.Stores");
        PackageRules.AssertThirdPartyOnly(assembly, "Microsoft.Data.Sqlite", "SQLitePCLRaw.", "Microsoft.Extensions.");
    }
}
